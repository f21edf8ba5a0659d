using System.Text.Json.Nodes;
using TeGen.Sandbox.Faults;
using TeGen.Sandbox.Inspection;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Inspection;

public sealed class InspectionTests
{
    [Fact]
    public async Task A_request_is_in_the_log_by_the_time_its_caller_has_the_answer()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var missing = new List<long>();

        for (var n = 0; n < 200; n++)
        {
            var before = api.Sandbox.Inspector.GetRequestStats().TotalRequests;
            (await api.PostAsync("v1/contacts", token, Bodies.Contact($"Ann{n}", email: $"ann{n}@example.test"))).Expect(201);
            if (api.Sandbox.Inspector.GetRequestStats().TotalRequests != before + 1)
            {
                missing.Add(n);
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Counters_cover_requests_tokens_429s_per_client_and_per_source_ip()
    {
        await using var api = await TestApi.StartAsync();
        using var other = api.ClientFrom("127.0.0.3");
        var token = await api.AdminTokenAsync();
        (await api.RequestTokenAsync("""{"grant_type":"client_credentials"}""", clientSecret: "wrong", client: other)).Expect(400);
        (await api.PostAsync("v1/contacts", token, Bodies.Contact())).Expect(201);
        api.Sandbox.Faults.Set(new FaultSettings { Rules = [FaultRule.TooManyRequestsBurst(1)] });
        (await api.GetAsync("v1/contacts", token)).Expect(429);
        (await api.GetAsync("v1/heartbeat", null)).Expect(200);

        var stats = api.Sandbox.Inspector.GetRequestStats();

        Assert.Equal((5L, 2L, 1L), (stats.TotalRequests, stats.TokenRequests, stats.TooManyRequests));
        Assert.Equal(new RequestCounters(4, 2, 1), stats.ByClientId["tegen-sandbox-client"]);
        Assert.Equal(new RequestCounters(4, 1, 1), stats.BySourceIp["127.0.0.1"]);
        Assert.Equal(new RequestCounters(1, 1, 0), stats.BySourceIp["127.0.0.3"]);
        Assert.Equal(
            [("POST", "/v1/token", 200, "tegen-sandbox-client"), ("POST", "/v1/token", 400, "tegen-sandbox-client"), ("POST", "/v1/contacts", 201, "tegen-sandbox-client"),
             ("GET", "/v1/contacts", 429, "tegen-sandbox-client"), ("GET", "/v1/heartbeat", 200, null)],
            stats.Recent.Select(entry => (entry.Method, entry.Path, entry.Status, entry.ClientId)));
    }

    [Fact]
    public async Task The_request_log_is_served_over_http_without_counting_itself()
    {
        await using var api = await TestApi.StartAsync();
        await api.AdminTokenAsync();
        (await api.GetAsync("v1/heartbeat", null)).Expect(200);
        (await api.GetAsync("v1/heartbeat", null)).Expect(200);

        var all = (await api.GetAsync("_sandbox/requests", null)).Expect(200).Json!;
        var last = (await api.GetAsync("_sandbox/requests?last=1", null)).Expect(200).Json!;

        Assert.Equal(3, all["total_requests"]!.GetValue<long>());
        Assert.Equal(1, all["token_requests"]!.GetValue<long>());
        Assert.Equal(0, all["too_many_requests"]!.GetValue<long>());
        Assert.Equal(3, all["by_source_ip"]!["127.0.0.1"]!["requests"]!.GetValue<long>());
        Assert.Equal(1, all["by_client_id"]!["tegen-sandbox-client"]!["token_requests"]!.GetValue<long>());
        Assert.Equal(3, all["recent"]!.AsArray().Count);
        var entry = Assert.Single(last["recent"]!.AsArray())!;
        Assert.Equal(("GET", "/v1/heartbeat", 200), (entry["method"]!.GetValue<string>(), entry["path"]!.GetValue<string>(), entry["status"]!.GetValue<int>()));
    }

    [Fact]
    public async Task The_request_log_keeps_the_configured_number_of_entries()
    {
        await using var api = await TestApi.StartAsync(options => options.RequestLogCapacity = 3);
        for (var i = 0; i < 5; i++)
        {
            (await api.GetAsync("v1/heartbeat", null)).Expect(200);
        }

        var stats = api.Sandbox.Inspector.GetRequestStats();

        Assert.Equal(5, stats.TotalRequests);
        Assert.Equal(3, stats.Recent.Count);
    }

    [Fact]
    public async Task The_state_lists_every_kind_of_record_in_process_and_over_http()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        await api.CreateAsync("v1/contact-groups", token, JsonNode.Parse("""{"group_name":"Won","owner":{"id":102}}""")!.AsObject());
        await api.CreateAsync("v1/contact-notes", token, JsonNode.Parse($$$"""{"title":"t","note":"n","type_id":1,"contact":{"id":{{{contact}}}},"owner":{"id":101}}""")!.AsObject());
        var survey = (await api.PostAsync("v1/contact-surveys", token, Bodies.Survey())).Expect(201).HexId;
        var question = (await api.GetAsync($"v1/contact-surveys/{survey}", token)).Json!["questions"]![0]!["id"]!.GetValue<string>();
        (await api.PostAsync("v1/contact-survey-responses", token, $$$"""
            {"survey":{"id":"{{{survey}}}"},"contact":{"id":{{{contact}}}},"owner":{"id":101},"question_responses":[{"question":{"id":"{{{question}}}"},"response_value":"1"}]}
            """)).Expect(201);
        await api.CreateAsync("v1/insights", token, JsonNode.Parse($$$"""{"contact":{"id":{{{contact}}}},"type":{"id":1},"owner":{"id":101}}""")!.AsObject());

        var state = api.Sandbox.Inspector.GetState();
        var json = (await api.GetAsync("_sandbox/state", null)).Expect(200).Object;

        Assert.All(
            [state.Contacts, state.ContactGroups, state.ContactNotes, state.Surveys, state.SurveyResponses, state.Insights],
            records => Assert.Equal("Acme Lending", Assert.Single(records).Organization));
        Assert.Equal(102, state.ContactGroups[0].OwnerId);
        Assert.Null(state.Surveys[0].OwnerId);
        Assert.Equal(survey, state.Surveys[0].Id);
        Assert.Equal(["contacts", "contact_groups", "contact_notes", "contact_surveys", "contact_survey_responses", "insights", "collections"], json.Select(member => member.Key));
        Assert.All(json.Where(member => member.Key != "collections"), member => Assert.Single(member.Value!.AsArray()));

        // The seeded collections (users, insight types, custom fields) are there too.
        Assert.Equal(3, json["collections"]!["/v1/users"]!.AsArray().Count);
        Assert.Equal(3, state.Collections["/v1/insight-types"].Count);
        Assert.Equal("Ann", json["contacts"]![0]!["first_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reset_clears_records_counters_and_limit_windows_but_keeps_tokens()
    {
        await using var api = await TestApi.StartAsync(options => options.RateLimits.RequestLimit = 3);
        var token = await api.AdminTokenAsync();
        await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        (await api.GetAsync("v1/heartbeat", null)).Expect(200);
        (await api.GetAsync("v1/heartbeat", null)).Expect(429);

        (await api.SendAsync(HttpMethod.Post, "_sandbox/reset")).Expect(200);

        Assert.Empty(api.Sandbox.Inspector.GetState().Contacts);
        Assert.Equal(0, api.Sandbox.Inspector.GetRequestStats().TotalRequests);
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        Assert.Equal(1, id);
        api.Sandbox.Inspector.Reset();
        Assert.Empty(api.Sandbox.Inspector.GetState().Contacts);
    }

    [Fact]
    public async Task Organizations_are_isolated_and_the_state_spans_them()
    {
        await using var api = await TestApi.StartAsync(options => options.Organizations.Add(Auth.AuthorizationCodeTests.SecondOrganization()));
        var acme = await api.AdminTokenAsync();
        var beta = (await api.RequestTokenAsync("""{"grant_type":"client_credentials"}""", "beta-client", "beta-secret")).Expect(200).Text("access_token");
        var acmeContact = await api.CreateAsync("v1/contacts", acme, Bodies.Contact());
        await api.CreateAsync("v1/contacts", beta, Bodies.Contact(owner: "bob-beta-beta"));

        Assert.Single((await api.GetAsync("v1/contacts", beta)).Expect(200).Items);
        (await api.GetAsync($"v1/contacts/{acmeContact}", beta)).Expect(404);
        Assert.Equal(["bob-beta-beta"], (await api.GetAsync("v1/users", beta)).Items.Select(user => user!["username"]!.GetValue<string>()));
        Assert.Equal(["Acme Lending", "Beta Bank"], api.Sandbox.Inspector.GetState().Contacts.Select(contact => contact.Organization));
        Assert.Empty((await api.GetAsync("v1/insight-types", beta)).Items);
    }
}
