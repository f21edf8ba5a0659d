using System.Diagnostics;
using System.Text.Json;
using TeGen.Sandbox.Faults;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Faults;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task A_seeded_share_of_server_errors_repeats_exactly()
    {
        var first = await StatusesAsync(seed: 7);
        var second = await StatusesAsync(seed: 7);

        Assert.Equal(first, second);
        Assert.Contains(503, first);
        Assert.Contains(200, first);
        Assert.NotEqual(first, await StatusesAsync(seed: 8));
    }

    [Fact]
    public async Task Server_errors_may_be_500_and_carry_an_error_body()
    {
        await using var api = await TestApi.StartAsync(options => options.Faults = new FaultSettings { Rules = [FaultRule.ServerErrors(1, 500)] });

        Assert.NotNull((await api.GetAsync("v1/heartbeat", null)).Expect(500).Error);
    }

    [Fact]
    public async Task A_429_burst_hits_the_next_n_requests_with_retry_after_and_is_counted()
    {
        await using var api = await TestApi.StartAsync();
        api.Sandbox.Faults.Set(new FaultSettings { Rules = [FaultRule.TooManyRequestsBurst(3, retryAfterSeconds: 7)] });

        for (var i = 0; i < 3; i++)
        {
            var reply = (await api.GetAsync("v1/heartbeat", null)).Expect(429);
            Assert.Equal("7", reply.RetryAfter);
            Assert.NotNull(reply.Error);
        }

        (await api.GetAsync("v1/heartbeat", null)).Expect(200);
        Assert.Equal(3, api.Sandbox.Inspector.GetRequestStats().TooManyRequests);
        Assert.Equal(0, Assert.Single(api.Sandbox.Faults.Current.Rules).Count);
    }

    [Fact]
    public async Task Latency_delays_matching_requests()
    {
        await using var api = await TestApi.StartAsync(options => options.Faults = new FaultSettings
        {
            Rules = [FaultRule.Delay(TimeSpan.FromMilliseconds(300)).For("GET", "/v1/heartbeat")],
        });
        (await api.GetAsync("v1/teapot", null)).Expect(401);

        var watch = Stopwatch.StartNew();
        (await api.GetAsync("v1/heartbeat", null)).Expect(200);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_drop_before_processing_aborts_the_connection_and_stores_nothing()
    {
        await using var api = await TestApi.StartAsync(options => options.Faults = new FaultSettings
        {
            Rules = [FaultRule.DropConnection(FaultStage.Before).For("POST", "/v1/contacts")],
        });
        var token = await api.AdminTokenAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => PostOnNewConnectionAsync(api, token));

        Assert.Empty(api.Sandbox.Inspector.GetState().Contacts);
        var logged = await Eventually.MatchAsync(
            () => api.Sandbox.Inspector.GetRequestStats().Recent, recent => recent.Count == 2, "the dropped request to be logged");
        Assert.Equal(("POST", "/v1/contacts", 0), (logged[1].Method, logged[1].Path, logged[1].Status));
        (await api.PostAsync("v1/contacts", token, Bodies.Contact())).Expect(201);
    }

    [Fact]
    public async Task A_drop_after_processing_stores_the_contact_so_the_retry_is_a_duplicate()
    {
        await using var api = await TestApi.StartAsync(options => options.Faults = new FaultSettings
        {
            Rules = [FaultRule.DropConnection(FaultStage.After).For("POST", "/v1/contacts")],
        });
        var token = await api.AdminTokenAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => PostOnNewConnectionAsync(api, token));

        var stored = Assert.Single(api.Sandbox.Inspector.GetState().Contacts);
        var retry = (await api.PostAsync("v1/contacts", token, Bodies.Contact())).Expect(200);
        Assert.Equal(stored.Id, retry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_server_error_after_processing_still_stores_the_record()
    {
        await using var api = await TestApi.StartAsync(options => options.Faults = new FaultSettings
        {
            Rules = [FaultRule.ServerErrors(1, 500).For("POST", "/v1/contact-groups") with { Stage = FaultStage.After, Count = 1 }],
        });
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/contact-groups", token, """{"group_name":"Won","owner":{"id":101}}""")).Expect(500);

        Assert.Single(api.Sandbox.Inspector.GetState().ContactGroups);
    }

    [Fact]
    public async Task Malformed_json_keeps_the_status_but_the_body_does_not_parse()
    {
        await using var api = await TestApi.StartAsync(options => options.Faults = new FaultSettings
        {
            Rules = [FaultRule.MalformedJsonBodies().For("GET", "/v1/heartbeat")],
        });

        var reply = (await api.GetAsync("v1/heartbeat", null)).Expect(200);

        Assert.Equal("application/json", reply.ContentType);
        Assert.ThrowsAny<JsonException>(() => reply.Json);
    }

    [Fact]
    public async Task A_scoped_fault_hits_only_its_method_and_path_prefix()
    {
        await using var api = await TestApi.StartAsync(options => options.Faults = new FaultSettings
        {
            Rules = [FaultRule.ServerErrors(1).For("POST", "/v1/contacts")],
        });
        var token = await api.AdminTokenAsync();
        var group = """{"group_name":"Won","owner":{"id":101}}""";

        (await api.PostAsync("v1/contacts", token, Bodies.Contact())).Expect(503);
        (await api.GetAsync("v1/contacts", token)).Expect(200);
        (await api.PostAsync("v1/contact-groups", token, group)).Expect(201);
    }

    [Fact]
    public async Task Sandbox_endpoints_are_never_faulted()
    {
        await using var api = await TestApi.StartAsync(options => options.Faults = new FaultSettings
        {
            Rules = [FaultRule.ServerErrors(1), FaultRule.DropConnection(FaultStage.Before, count: null)],
        });

        (await api.GetAsync("_sandbox/state", null)).Expect(200);
        (await api.GetAsync("_sandbox/faults", null)).Expect(200);
        (await api.GetAsync("v1/heartbeat", null)).Expect(503);
    }

    [Fact]
    public async Task Faults_are_read_set_and_cleared_over_http_at_run_time()
    {
        await using var api = await TestApi.StartAsync();

        var set = await api.SendAsync(HttpMethod.Put, "_sandbox/faults", body: """
            {"seed":3,"rules":[{"kind":"too_many_requests","count":1,"retry_after_seconds":9,"method":"GET","path_prefix":"/v1/heartbeat"}]}
            """);
        var refused = await api.GetAsync("v1/heartbeat", null);
        var current = await api.GetAsync("_sandbox/faults", null);
        var cleared = await api.DeleteAsync("_sandbox/faults", null);

        set.Expect(200);
        Assert.Equal("9", refused.Expect(429).RetryAfter);
        Assert.Equal(3, current.Json!["seed"]!.GetValue<int>());
        Assert.Equal("too_many_requests", current.Json!["rules"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal(0, current.Json!["rules"]![0]!["count"]!.GetValue<int>());
        Assert.Empty(cleared.Expect(200).Json!["rules"]!.AsArray());
        Assert.Empty(api.Sandbox.Faults.Current.Rules);
    }

    [Theory]
    [InlineData("""{"rules":[{"kind":"server_error","probability":2}]}""")]
    [InlineData("""{"rules":[{"kind":"server_error","status":404}]}""")]
    [InlineData("""{"rules":[{"kind":"latency","stage":"after"}]}""")]
    [InlineData("""{"rules":[{"kind":"earthquake"}]}""")]
    [InlineData("""{"rulez":[]}""")]
    [InlineData("not json")]
    public async Task Invalid_fault_settings_get_400_and_change_nothing(string body)
    {
        await using var api = await TestApi.StartAsync(options => options.Faults = new FaultSettings { Seed = 1 });

        Assert.NotNull((await api.SendAsync(HttpMethod.Put, "_sandbox/faults", body: body)).Expect(400).Error);

        Assert.Equal(1, api.Sandbox.Faults.Current.Seed);
        Assert.Throws<ArgumentException>(() => api.Sandbox.Faults.Set(new FaultSettings { Rules = [FaultRule.ServerErrors(-0.5)] }));
    }

    // HttpClient may resend a request whose reused connection died before any answer; a fresh connection never is.
    private static async Task<Reply> PostOnNewConnectionAsync(TestApi api, string token)
    {
        using var fresh = api.ClientFrom("127.0.0.1");
        return await api.SendAsync(HttpMethod.Post, "v1/contacts", token, Bodies.Contact(), client: fresh);
    }

    private static async Task<int[]> StatusesAsync(int seed)
    {
        await using var api = await TestApi.StartAsync(options => options.Faults = new FaultSettings { Seed = seed, Rules = [FaultRule.ServerErrors(0.5)] });
        var statuses = new int[24];
        for (var i = 0; i < statuses.Length; i++)
        {
            statuses[i] = (await api.GetAsync("v1/heartbeat", null)).Status;
        }

        return statuses;
    }
}
