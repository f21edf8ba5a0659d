using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeGen.Client.Tests.Support;

namespace TeGen.Client.Tests.Faults;

/// <summary>A redirect from TE's host is never followed, from any endpoint, and is a typed error naming where it pointed.</summary>
public class RedirectTests
{
    public static TheoryData<int, string> Cases()
    {
        var cases = new TheoryData<int, string>();
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
        {
            foreach (var call in new[] { "GET /v1/contacts", "POST /v1/contacts", "POST /v1/contact-notes", "POST /v1/token" })
            {
                cases.Add(status, call);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_redirect_is_a_typed_error_and_nothing_reaches_the_other_host(int status, string call)
    {
        await using var elsewhere = new FakeTe(_ => null);
        var location = new Uri(elsewhere.BaseUrl, "v1/contacts?email=ann%40example.com");
        await using var te = new FakeTe(r => $"{r.Method} {r.Path}" == call ? FakeReply.Redirect(status, location.ToString()) : null);
        using var connection = FakeTeClients.Connect(te);
        var admin = connection.CreateAdminClient();

        var e = await Assert.ThrowsAsync<TotalExpertRedirectException>(() => Call(admin, call));

        Assert.Empty(elsewhere.Requests);
        Assert.Equal(status, e.StatusCode);
        Assert.Equal(new Uri(elsewhere.BaseUrl, "v1/contacts"), e.Location); // no query string: it may hold an e-mail
        Assert.Contains(elsewhere.BaseUrl.Authority, e.Message);
        Assert.DoesNotContain("ann%40example.com", e.Message);
        Assert.False(e.MayHaveBeenProcessed);
        Assert.Equal(1, te.Count(call.Split(' ')[0], call.Split(' ')[1])); // not retried either
    }

    [Fact]
    public async Task The_DI_pipeline_does_not_follow_redirects_even_when_the_application_configures_a_primary_handler_that_does()
    {
        await using var elsewhere = new FakeTe(_ => null);
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" ? FakeReply.Redirect(307, new Uri(elsewhere.BaseUrl, "v1/contacts").ToString()) : null);
        var services = new ServiceCollection();
        services.AddTotalExpert(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BaseUrl"] = te.BaseUrl.ToString(),
            ["ClientId"] = "fake-client",
            ["ClientSecret"] = "fake-secret",
        }).Build());
        services.AddHttpClient(TotalExpertServiceCollectionExtensions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true });
        await using var provider = services.BuildServiceProvider();

        var e = await Assert.ThrowsAsync<TotalExpertRedirectException>(() => provider.GetRequiredService<IContactsClient>().ListContactsAsync(1, 1, null, null));

        Assert.Empty(elsewhere.Requests);
        Assert.Equal(307, e.StatusCode);
    }

    [Fact]
    public async Task A_caller_supplied_handler_that_follows_redirects_is_turned_off()
    {
        await using var elsewhere = new FakeTe(_ => null);
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" ? FakeReply.Redirect(302, new Uri(elsewhere.BaseUrl, "v1/contacts").ToString()) : null);
        using var handler = new HttpClientHandler { AllowAutoRedirect = true };
        using var connection = new TotalExpertConnection(FakeTeClients.Options(te), primaryHandler: handler, rateLimiters: new TeGen.Client.Http.TeRateLimiterRegistry());

        await Assert.ThrowsAsync<TotalExpertRedirectException>(() => connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null));

        Assert.False(handler.AllowAutoRedirect);
        Assert.Empty(elsewhere.Requests);
    }

    internal static Task Call(TotalExpertAdminClient admin, string call) => call switch
    {
        "GET /v1/contacts" => admin.Contacts.ListContactsAsync(1, 1, null, null),
        "POST /v1/contacts" => admin.Contacts.CreateContactAsync(new NewContact { Source = "Tests", FirstName = "Ann", LastName = "Lee", Email = "ann@example.com" }),
        "POST /v1/contact-notes" => admin.ContactNotes.CreateContactNoteAsync(FakeTeClients.Note()),
        "POST /v1/token" => admin.Tokens.GetTokenAsync().AsTask(),
        _ => throw new ArgumentOutOfRangeException(nameof(call)),
    };
}
