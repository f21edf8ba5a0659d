using Microsoft.Extensions.Configuration;
using TeGen.Quickstart;

namespace TeGen.Client.Tests.Quickstart;

public class QuickstartTests
{
    [Fact]
    public async Task The_flow_runs_end_to_end_against_the_sandbox_and_the_second_run_is_deduplicated()
    {
        await using var environment = await QuickstartEnvironment.StartAsync(new ConfigurationBuilder().Build());
        var sandbox = environment.Sandbox!;
        using var counter = new RequestCounter();
        using var connection = new TotalExpertConnection(environment.Options, new TeGen.Client.Auth.InMemoryTokenStore(), rateLimiters: new TeGen.Client.Http.TeRateLimiterRegistry(), primaryHandler: counter);
        var flow = new QuickstartFlow(connection.CreateAdminClient(), counter);

        var first = await flow.RunAsync();
        var second = await flow.RunAsync();

        Assert.True(first.Contact.IsCreated);
        Assert.True(second.Contact.IsDuplicate);
        Assert.Equal(first.Contact.Id, second.Contact.Id);
        Assert.Equal(["Prospects"], first.Groups);
        Assert.True(first.Survey.WasCreated);
        Assert.Same(first.Survey, second.Survey);
        Assert.Equal("Acme Lending: Loan application submitted", first.InsightType);
        Assert.Equal((1, 0), (first.TokenRequests, second.TokenRequests));
        Assert.Equal(1, first.ContactsListed);
        Assert.DoesNotContain(second.Requests, r => r.Contains("/v1/contact-surveys", StringComparison.Ordinal) || r.Contains("/v1/insight-types", StringComparison.Ordinal));

        // What the reports claim is what the sandbox saw.
        var state = sandbox.Inspector.GetState();
        var contact = Assert.Single(state.Contacts);
        Assert.Equal(first.Contact.Id.ToString(), contact.Id);
        Assert.Contains("Prospects", contact.Json["contact_groups"]!.AsArray().Select(g => (string?)g!["group_name"]));
        Assert.Single(state.Surveys);
        Assert.Equal(2, state.SurveyResponses.Count);
        Assert.Equal(2, state.Insights.Count);
        Assert.Equal((TeGen.Client.Lending.LoanSyncOutcome.Created, TeGen.Client.Lending.LoanSyncOutcome.Updated), (first.Loan.Outcome, second.Loan.Outcome));
        Assert.Equal(first.Loan.LoanId, second.Loan.LoanId);
        Assert.Equal(["loan_type: Conventional Fixed Rate"], first.Loan.CreatedLookups);
        Assert.Equal(1, second.Requests.Count(r => r.StartsWith("PATCH /v1/loans/", StringComparison.Ordinal)));
        Assert.DoesNotContain("POST /v1/loans", second.Requests);
        var stats = sandbox.Inspector.GetRequestStats();
        Assert.Equal(first.Requests.Count + second.Requests.Count, stats.TotalRequests);
        Assert.Equal(1, stats.TokenRequests);
        Assert.Equal(0, stats.TooManyRequests);

        using var text = new StringWriter();
        second.WriteTo(text);
        Assert.Contains("duplicate", text.ToString());
    }

    [Fact]
    public async Task Some_but_not_all_TE_settings_is_an_error_naming_the_missing_ones()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TotalExpert:ClientId"] = "abc" })
            .Build();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => QuickstartEnvironment.StartAsync(configuration));

        Assert.Contains("missing: BaseUrl, ClientSecret", e.Message);
    }

    [Fact]
    public async Task The_program_exits_0_and_prints_the_report()
    {
        var main = typeof(QuickstartFlow).Assembly.EntryPoint!;
        var output = new StringWriter();
        var original = Console.Out;
        int exitCode;
        Console.SetOut(output);
        try
        {
            // The compiler's entry point wraps the async Main and blocks on it; run it off the test's thread.
            exitCode = await Task.Run(() => (int)main.Invoke(null, [Array.Empty<string>()])!);
        }
        finally
        {
            Console.SetOut(original);
        }

        var report = output.ToString();
        Assert.True(exitCode == 0, report);
        Assert.Contains("Run 2", report);
        Assert.Contains("duplicate", report);
        Assert.Contains("1 token request(s)", report);
    }
}
