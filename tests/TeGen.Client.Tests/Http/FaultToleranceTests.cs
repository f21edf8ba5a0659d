using TeGen.Client.Tests.Support;
using TeGen.Sandbox;
using TeGen.Sandbox.Faults;
using Xunit.Abstractions;

namespace TeGen.Client.Tests.Http;

public class FaultToleranceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Bulk_create_through_503s_and_dropped_connections_stores_every_contact_exactly_once()
    {
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions
        {
            RequestLogCapacity = 5000,
            Faults = new FaultSettings
            {
                Seed = 42,
                Rules =
                [
                    FaultRule.ServerErrors(0.05, 503).For("POST", "/v1/contacts"),
                    FaultRule.DropConnection(FaultStage.Before, count: null) with { Probability = 0.03, Method = "POST", PathPrefix = "/v1/contacts" },
                    // Dropped after the contact was stored: only TE's deduplication keeps the retry from duplicating it.
                    FaultRule.DropConnection(FaultStage.After, count: null) with { Probability = 0.03, Method = "POST", PathPrefix = "/v1/contacts" },
                ],
            },
        });
        using var connection = SandboxClients.Connect(sandbox, o => o.Retry.MaxRetries = 8);
        var admin = connection.CreateAdminClient();
        var failures = new List<Exception>();
        using var parallel = new SemaphoreSlim(8);

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
        {
            await parallel.WaitAsync();
            try
            {
                return await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, i));
            }
            catch (Exception e)
            {
                lock (failures)
                {
                    failures.Add(e);
                }

                return null;
            }
            finally
            {
                parallel.Release();
            }
        }));

        Assert.All(failures, e => Assert.IsAssignableFrom<TotalExpertApiException>(e));
        Assert.Empty(failures);
        Assert.Equal(500, results.Select(r => r!.Id).Distinct().Count());
        var state = sandbox.Inspector.GetState();
        Assert.Equal(500, state.Contacts.Count);
        var stats = sandbox.Inspector.GetRequestStats();
        output.WriteLine($"500 creates: {stats.Recent.Count(r => r.Status == 503)} x 503 and {stats.Recent.Count(r => r.Status == 0)} drops injected, "
            + $"{stats.TotalRequests - stats.TokenRequests} API requests sent, {results.Count(r => r!.Duplicate is not null)} answered as duplicates, {state.Contacts.Count} contacts stored");
        Assert.True(stats.Recent.Count(r => r.Status is 503 or 0) > 0, "no fault was injected");
    }

    [Fact]
    public async Task A_POST_that_TE_does_not_deduplicate_is_not_repeated_after_a_drop()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var contact = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));
        var requestsBefore = sandbox.Inspector.GetRequestStats().TotalRequests;
        sandbox.Faults.Set(new FaultSettings { Rules = [FaultRule.DropConnection(FaultStage.After, count: 1).For("POST", "/v1/contact-notes")] });

        var e = await Assert.ThrowsAsync<TotalExpertTransportException>(() => admin.ContactNotes.CreateContactNoteAsync(new NewContactNote
        {
            Title = "Called",
            Note = "Left a message",
            TypeId = 1,
            Contact = new ContactRef { Id = contact.Id },
            Owner = new OwnerRef { Id = sandbox.Users[0].Id },
        }));

        Assert.True(e.MayHaveBeenProcessed);
        Assert.Equal("POST /v1/contact-notes", e.Operation);

        // The sandbox logs a dropped request once its connection is torn down, which can trail the client's error.
        for (var i = 0; i < 100 && sandbox.Inspector.GetRequestStats().TotalRequests == requestsBefore; i++)
        {
            await Task.Delay(20);
        }

        Assert.Single(sandbox.Inspector.GetState().ContactNotes);
        Assert.Equal(requestsBefore + 1, sandbox.Inspector.GetRequestStats().TotalRequests);
    }

    [Fact]
    public async Task GETs_retry_through_server_errors()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        await admin.Contacts.ListContactsAsync(1, 1, null, null);
        sandbox.Faults.Set(new FaultSettings { Rules = [FaultRule.ServerErrors(1, 503) with { Count = 2 }] });

        var page = await admin.Contacts.ListContactsAsync(1, 10, null, null);

        Assert.NotNull(page.Links);
        Assert.Equal(2, sandbox.Inspector.GetRequestStats().Recent.Count(r => r.Status == 503));
    }

    [Fact]
    public async Task TE_refusals_become_typed_exceptions_with_TE_text()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var withoutOwner = SandboxClients.Contact(sandbox, 1);
        withoutOwner.Owner = new OwnerRef { Email = "nobody@example.com" };

        var invalid = await Assert.ThrowsAsync<TotalExpertValidationException>(() => admin.Contacts.CreateContactAsync(withoutOwner));
        Assert.Equal(422, invalid.StatusCode);
        Assert.Equal("Unable to find target for relationship: 'owner'", invalid.TeError);
        Assert.Contains("POST /v1/contacts", invalid.Message);

        var missing = await Assert.ThrowsAsync<TotalExpertNotFoundException>(() => admin.Contacts.GetContactAsync(987654));
        Assert.Equal(404, missing.StatusCode);
    }

    [Fact]
    public async Task An_attempt_slower_than_AttemptTimeout_fails_with_a_typed_timeout_naming_the_call()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox, o =>
        {
            o.Retry.Enabled = false;
            o.Transport.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        });
        var admin = connection.CreateAdminClient();
        await admin.Health.GetHeartbeatAsync();
        sandbox.Faults.Set(new FaultSettings { Rules = [FaultRule.Delay(TimeSpan.FromSeconds(5)).For("GET", "/v1/contacts")] });

        var timeout = await Assert.ThrowsAsync<TotalExpertTimeoutException>(() => admin.Contacts.ListContactsAsync(1, 1, null, null));

        Assert.Contains("GET /v1/contacts", timeout.Message);
        Assert.Equal("GET /v1/contacts", timeout.Operation);
        Assert.True(timeout.MayHaveBeenProcessed);
    }
}
