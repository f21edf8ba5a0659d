using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Robustness;

/// <summary>
/// What a fuzzed request needs to get past the checks in front of the code under test: tokens, one stored record
/// per resource (so item routes have an id that exists), and a body each write accepts as it is.
/// </summary>
internal sealed class FuzzTargets
{
    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    public required string AdminToken { get; init; }

    public required string UserToken { get; init; }

    // Collection path (e.g. "/v1/contacts") → the id of a record in it.
    public required IReadOnlyDictionary<string, string> Ids { get; init; }

    // Spec schema name of a request body (e.g. "NewContact"), or "METHOD pattern" for routes the spec lacks → an accepted body.
    public required IReadOnlyDictionary<string, JsonObject> Bodies { get; init; }

    public string IdIn(string collection) => Ids.GetValueOrDefault(collection, "1");

    public static async Task<FuzzTargets> SeedAsync(TestApi api)
    {
        // Every operation must be reachable on the one organization, both lead APIs included, which TE never allows.
        api.Sandbox.Options.LeadFamilies = SandboxLeadFamilies.Both;
        var admin = await api.AdminTokenAsync();
        var user = await api.UserTokenAsync();
        var owner = Support.Bodies.Ref("username", "jane-doe-acme");
        var contact = await api.CreateAsync("v1/contacts", admin, Support.Bodies.Contact());
        var group = new JsonObject { ["group_name"] = "Fuzzed", ["owner"] = owner.DeepClone() };
        var note = new JsonObject { ["title"] = "Called", ["note"] = "Left a message", ["type_id"] = 2, ["contact"] = Support.Bodies.Ref("id", contact), ["owner"] = owner.DeepClone() };
        var insight = new JsonObject { ["contact"] = Support.Bodies.Ref("id", contact), ["type"] = Support.Bodies.Ref("id", 1), ["owner"] = Support.Bodies.Ref("id", 101), ["data"] = new JsonObject { ["amount"] = 1 } };
        var survey = (await api.PostAsync("v1/contact-surveys", admin, Support.Bodies.Survey())).Expect(201).HexId;
        var question = (await api.GetAsync($"v1/contact-surveys/{survey}", admin)).Expect(200).Json!["questions"]![0]!["id"]!.GetValue<string>();
        var response = new JsonObject
        {
            ["survey"] = Support.Bodies.Ref("id", survey),
            ["contact"] = Support.Bodies.Ref("id", contact),
            ["owner"] = owner.DeepClone(),
            ["question_responses"] = new JsonArray(new JsonObject { ["question"] = Support.Bodies.Ref("id", question), ["response_value"] = "265000" }),
        };
        var lookups = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["loan-types"] = "loan_type", ["loan-statuses"] = "loan_status", ["loan-purposes"] = "loan_purpose", ["loan-programs"] = "loan_program",
            ["account-types"] = "account_type", ["account-statuses"] = "account_status",
        };
        var lookupIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, name) in lookups)
        {
            lookupIds[$"/v1/{path}"] = Text(await api.CreateAsync($"v1/{path}", admin, new JsonObject { [name] = "Fuzzed" }));
        }

        var account = new JsonObject
        {
            ["primary_account_holder"] = Support.Bodies.Ref("id", contact),
            ["account_type"] = Support.Bodies.Ref("account_type", "Fuzzed"),
            ["account_status"] = Support.Bodies.Ref("account_status", "Fuzzed"),
            ["account_class"] = Support.Bodies.Ref("class_name", "Deposit"),
        };
        var loan = new JsonObject
        {
            ["external_id"] = "FUZZ-1",
            ["source"] = "Fuzz",
            ["owner"] = owner.DeepClone(),
            ["borrower"] = Support.Bodies.Ref("id", contact),
            ["loan_type"] = "Fuzzed",
        };
        var scenario = new JsonObject { ["name"] = "Fuzzed", ["data"] = new JsonObject { ["rate"] = 6.5 }, ["owner"] = Support.Bodies.Ref("id", 101) };
        var newUser = new JsonObject { ["email"] = "fuzz.user@acme.example", ["type"] = "Lender", ["info"] = new JsonObject { ["first_name"] = "Fuzz" }, ["role"] = Support.Bodies.Ref("role_name", "Loan Officer") };
        var team = new JsonObject { ["team_name"] = "Fuzzed", ["managers"] = new JsonArray(owner.DeepClone()) };
        var entity = new JsonObject
        {
            ["entity_name"] = "Fuzzed",
            ["entity_type"] = Support.Bodies.Ref("system_name", "household"),
            ["related_entities"] = new JsonArray(new JsonObject { ["relationship_type"] = Support.Bodies.Ref("system_name", "spouse"), ["children"] = new JsonArray(Support.Bodies.Ref("id", contact)) }),
        };
        var recruit = new JsonObject
        {
            ["first_name"] = "Fuzz",
            ["last_name"] = "Recruit",
            ["owner"] = owner.DeepClone(),
            ["recruit_info"] = new JsonObject { ["recruit_status"] = Support.Bodies.Ref("status_name", "Prospect"), ["sourced_percent"] = 10 },
            ["recruit_metrics"] = new JsonArray(new JsonObject { ["metric"] = Support.Bodies.Ref("metric_name", "Purchase Share"), ["value"] = 50, ["unit"] = Support.Bodies.Ref("unit_name", "Percent") }),
        };
        var campaign = (await api.PostAsync("v1/campaigns", admin, new JsonObject { ["name"] = "Fuzzed" })).Expect(201).HexId;
        var touch = new JsonObject { ["campaign"] = Support.Bodies.Ref("id", campaign), ["contact"] = Support.Bodies.Ref("id", contact), ["owner"] = owner.DeepClone() };
        var unsubscribe = new JsonObject { ["email"] = "fuzz.unsubscribed@example.test", ["users"] = new JsonArray(Support.Bodies.Ref("id", 101)) };
        var person = new JsonObject { ["first_name"] = "Fuzz", ["last_name"] = "Lead", ["email"] = "fuzz.lead@example.test", ["source"] = "Fuzz" };
        var opportunity = person.DeepClone().AsObject().With("loan_amount", 1000);
        var lead = person.DeepClone().AsObject().With("lead_opportunity", new JsonObject { ["is_veteran"] = true })
            .With("lead_opportunity_offers", new JsonArray(new JsonObject { ["lender_name"] = "Fuzz", ["is_selected"] = false }));
        var subscription = new JsonObject
        {
            ["url"] = "https://hooks.example/fuzz",
            ["secret"] = new string('f', 32),
            ["actions"] = new JsonArray(new JsonObject { ["item"] = "CONTACT", ["action"] = "CREATED" }),
        };

        return new FuzzTargets
        {
            ClientId = api.Sandbox.ClientId,
            ClientSecret = api.Sandbox.ClientSecret,
            AdminToken = admin,
            UserToken = user,
            Ids = new Dictionary<string, string>(lookupIds.Concat(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["/v1/contacts"] = Text(contact),
                ["/v1/contact-groups"] = Text(await api.CreateAsync("v1/contact-groups", admin, group)),
                ["/v1/contact-notes"] = Text(await api.CreateAsync("v1/contact-notes", admin, note)),
                ["/v1/insights"] = Text(await api.CreateAsync("v1/insights", admin, insight)),
                ["/v1/contact-surveys"] = survey,
                ["/v1/contact-survey-responses"] = (await api.PostAsync("v1/contact-survey-responses", admin, response)).Expect(201).HexId,
                ["/v1/users"] = "101",
                ["/v1/teams"] = Text(await api.CreateAsync("v1/teams", admin, team)),
                ["/v1/entities"] = (await api.PostAsync("v1/entities", admin, entity)).Expect(201).HexId,
                ["/v1/contact-recruits"] = Text(await api.CreateAsync("v1/contact-recruits", admin, recruit)),
                ["/v1/accounts"] = Text(await api.CreateAsync("v1/accounts", admin, account)),
                ["/v1/scenarios"] = Text(await api.CreateAsync("v1/scenarios", admin, scenario)),
                ["/v1/loans"] = Text(await api.CreateAsync("v1/loans", admin, loan)),
                ["/v1/lead-opportunities"] = (await api.PostAsync("v1/lead-opportunities", admin, opportunity)).Expect(201).HexId,
                ["/v1/campaigns"] = campaign,
                ["/v1/campaign-activity"] = Text(await api.CreateAsync("v1/campaign-activity", admin, touch)),
                ["/v1/email-unsubscribes"] = Text(await api.CreateAsync("v1/email-unsubscribes", admin, unsubscribe)),
                ["/v1/leads"] = Text((await api.PostAsync("v1/leads", admin, lead)).Expect(201).Json!["lead_id"]!.GetValue<long>()),
                ["/v1/webhook-subscriptions"] = Text(await api.CreateAsync("v1/webhook-subscriptions", admin, subscription)),
            }), StringComparer.Ordinal),
            Bodies = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
            {
                ["TokenRequest"] = new() { ["grant_type"] = "client_credentials" },
                ["NewContact"] = Support.Bodies.Contact("Fuzz", "Base", "fuzz.base@example.test"),
                ["ContactUpdate"] = new() { ["first_name"] = "Fuzzed" },
                ["NewContactGroup"] = group,
                ["ContactGroupUpdate"] = new() { ["group_name"] = "Fuzzed again" },
                ["NewContactNote"] = note,
                ["ContactNoteUpdate"] = new() { ["title"] = "Called again" },
                ["NewContactSurvey"] = Support.Bodies.Survey("Fuzzed survey"),
                ["ContactSurveyUpdate"] = Support.Bodies.Survey("Fuzzed survey"),
                ["NewContactSurveyResponse"] = response,
                ["NewInsight"] = insight,
                ["NewLoanType"] = new() { ["loan_type"] = "Fuzzed again" },
                ["NewLoanStatus"] = new() { ["loan_status"] = "Fuzzed again" },
                ["NewLoanPurpose"] = new() { ["loan_purpose"] = "Fuzzed again" },
                ["NewLoanProgram"] = new() { ["loan_program"] = "Fuzzed again" },
                ["NewAccountType"] = new() { ["account_type"] = "Fuzzed again" },
                ["AccountTypeUpdate"] = new() { ["account_type"] = "Fuzzed once more" },
                ["NewAccountStatus"] = new() { ["account_status"] = "Fuzzed again" },
                ["AccountStatusUpdate"] = new() { ["account_status"] = "Fuzzed once more" },
                ["NewAccount"] = account,
                ["AccountUpdate"] = new() { ["account_status"] = Support.Bodies.Ref("account_status", "Fuzzed") },
                ["NewScenario"] = scenario,
                ["ScenarioUpdate"] = new() { ["display_name"] = "Fuzzed again" },
                ["NewLoan"] = loan,
                ["LoanUpdate"] = new() { ["loan_status"] = "Fuzzed" },
                ["NewLeadOpportunity"] = opportunity,
                ["LeadOpportunityUpdate"] = new() { ["contact_id"] = contact, ["status"] = "Fuzzed" },
                ["NewAlmLead"] = lead,
                ["NewUser"] = newUser,
                ["UserUpdate"] = new() { ["info"] = new JsonObject { ["last_name"] = "Fuzzed" } },
                ["NewTeam"] = team,
                ["TeamUpdate"] = new() { ["team_name"] = "Fuzzed again" },
                ["NewEntity"] = entity,
                ["EntityUpdate"] = new() { ["entity_name"] = "Fuzzed again" },
                ["NewContactRecruit"] = recruit,
                ["ContactRecruitUpdate"] = new() { ["recruit_info"] = new JsonObject { ["commission_split_percent"] = 60 } },
                ["AlmLeadUpdate"] = new() { ["status"] = "Fuzzed", ["lead_opportunity"] = new JsonObject { ["is_veteran"] = 0 } },
                ["NewWebhookSubscription"] = subscription,
                ["WebhookSubscriptionUpdate"] = new() { ["secret"] = new string('e', 32) },
                ["NewCampaign"] = new() { ["name"] = "Fuzzed again", ["visible"] = true },
                ["NewCampaignActivity"] = touch,
                ["NewEmailUnsubscribe"] = unsubscribe,
                ["SmsOptIn"] = new() { ["phone_number"] = "6125550123", ["user"] = Support.Bodies.Ref("id", 101), ["status"] = "OPTED_IN" },
                ["SmsOptOut"] = new() { ["phone_number"] = "6125550123" },
                ["ContactUpdateByFields"] = new() { ["id"] = contact, ["nickname"] = "Fuzzed" },
                ["EmailTemplateRender"] = new() { ["body"] = "Hi {{contact.first_name}}", ["contact"] = Support.Bodies.Ref("id", contact) },
                ["PUT /_sandbox/faults"] = new() { ["seed"] = 1, ["rules"] = new JsonArray(new JsonObject { ["kind"] = "latency", ["latency_milliseconds"] = 0, ["count"] = 1 }) },
            },
        };
    }

    private static string Text(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
