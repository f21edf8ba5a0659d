using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests;

public class PagingTests
{
    [Fact]
    public async Task Paging_walks_250_contacts_in_pages_of_100_in_order()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var created = new List<long>();
        foreach (var n in Enumerable.Range(0, 250))
        {
            created.Add((await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, n))).Id);
        }

        var listed = new List<long>();
        var pages = await RequestLog.CountAsync(sandbox, async () =>
        {
            await foreach (var contact in admin.Contacts.ListAllContactsAsync(pageSize: 100))
            {
                listed.Add(contact.Id!.Value);
            }
        });

        Assert.Equal(created, listed);
        Assert.Equal(3, pages);
        var pageRequests = sandbox.Inspector.GetRequestStats().Recent.Where(r => r is { Method: "GET", Path: "/v1/contacts" }).Count();
        Assert.Equal(3, pageRequests);
    }

    [Fact]
    public async Task Paging_stops_when_cancelled_and_rejects_page_sizes_TE_does_not_serve()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        for (var n = 0; n < 5; n++)
        {
            await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, n));
        }

        using var cancel = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in admin.Contacts.ListAllContactsAsync(pageSize: 2, cancellationToken: cancel.Token))
            {
                if (++seen == 2)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.Equal(2, seen);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await admin.Contacts.ListAllContactsAsync(pageSize: 101).GetAsyncEnumerator().MoveNextAsync());
    }
}
