using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Spec;

namespace TeGen.Sandbox.Domain;

// Every collection of the spec with its rule: the hand-written ones where TE has rules, GenericResource elsewhere.
internal sealed class Resources
{
    private readonly Dictionary<string, Resource> _byCollection = new(StringComparer.Ordinal);

    public Resources(TeSpec spec)
    {
        foreach (var collection in spec.Operations.Select(operation => operation.Collection).Distinct())
        {
            var item = spec.ItemShape(collection);
            _byCollection[collection] = collection switch
            {
                "/v1/contacts" => new ContactRules(item),
                "/v1/contact-groups" => new GroupRules(item),
                "/v1/contact-notes" => new NoteRules(item),
                "/v1/contact-surveys" => new SurveyRules(item),
                "/v1/contact-survey-responses" => new ResponseRules(item),
                "/v1/insights" => new InsightRules(item),
                "/v1/accounts" => new AccountRules(item),
                LeadResource.Opportunities => new LeadOpportunityRules(item),
                LeadResource.AlmLeads => new AlmLeadRules(item),
                "/v1/loans" => new LoanRules(item),
                UserRules.Path => new UserRules(item),
                TeamRules.Path => new TeamRules(item),
                "/v1/entities" => new EntityRules(item),
                "/v1/contact-recruits" => new RecruitRules(item),
                "/v1/user-images" => new UserImageRules(item),
                "/v1/campaigns" => new LookupRules(collection, "name", loanLookup: false, item, hexIds: true),
                "/v1/campaign-activity" => new CampaignActivityRules(item),
                "/v1/email-unsubscribes" => new UnsubscribeRules(item),
                "/v1/email-archive" => new EmailArchiveRules(item),
                "/v1/email-templates/render" => new TemplateRenderRules(collection),
                _ when Lookups.TryGetValue(collection, out var lookup) => new LookupRules(collection, lookup.NameField, lookup.Loan, item),
                _ when WebhookResources.For(collection, item) is { } webhooks => webhooks,
                _ when collection.StartsWith(SmsConsentRules.Prefix, StringComparison.Ordinal) => new SmsConsentRules(collection),
                _ => Generic(spec, collection, item),
            };
            _byCollection[collection].Filters.Requiring(spec.Find("GET", collection)?.Filter);
        }
    }

    public IReadOnlyCollection<Resource> All => _byCollection.Values;

    public Resource For(string collection) => _byCollection[collection];

    // The lending lookups: each unique by its name member; the loan ones default their account class.
    private static readonly Dictionary<string, (string NameField, bool Loan)> Lookups = new(StringComparer.Ordinal)
    {
        ["/v1/loan-types"] = ("loan_type", true),
        ["/v1/loan-statuses"] = ("loan_status", true),
        ["/v1/loan-purposes"] = ("loan_purpose", true),
        ["/v1/loan-programs"] = ("loan_program", true),
        ["/v1/account-types"] = ("account_type", false),
        ["/v1/account-statuses"] = ("account_status", false),
    };

    // TE's documented filters that the record's members do not spell (a nested member under another name).
    private static readonly Dictionary<string, Func<ListSpec, ListSpec>> Filters = new(StringComparer.Ordinal)
    {
        ["/v1/schema/custom-fields"] = spec => spec
            .Nested("related_entity_type", "related_entity", "entity_type")
            .AccountClass(),
        ["/v1/schema/participant-roles"] = spec => spec
            .AccountClass()
            .Nested("role_type_name", "role_type", "type_name")
            .Nested("role_type_discrete", "role_type", "discrete")
            .Nested("role_type_rules_type_id", "role_type", "rules_type_id"),
        [ActivityFeed.Collection] = spec => spec.Nested("contact_id", "contact", "id"),
    };

    private static GenericResource Generic(TeSpec spec, string collection, Shape? item)
    {
        var idParameter = spec.Operations.FirstOrDefault(operation => operation.Collection == collection && operation.IsItem)?.PathParameters[^1];
        var create = spec.Find("POST", collection);
        return new GenericResource(
            collection,
            item,
            numericIds: idParameter?.Shape.Is(Microsoft.OpenApi.JsonSchemaType.Integer) ?? true,
            ownerRequiredAsAdmin: create?.OwnerRequiredAsAdmin == true,
            owned: create?.Body?.Properties.ContainsKey("owner") == true,
            adminOnly: spec.Operations.Any(operation => operation.Collection == collection && operation.AdminOnly),
            filters: Filters.GetValueOrDefault(collection));
    }
}
