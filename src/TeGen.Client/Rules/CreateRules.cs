using System.Collections.Concurrent;
using System.Reflection;

namespace TeGen.Client.Rules;

/// <summary>
/// TE's rules for request bodies, checked before anything is sent, applied by every generated client through its
/// send hook (<see cref="TotalExpertClientBase"/>): the spec's required members and relationships, the owner As Admin
/// where the spec says so (<see cref="TeOperation.OwnerRequiredAsAdmin"/>), the contact minimum, the organization's
/// required groups, insight type names, webhook subscriptions (<see cref="WebhookSubscriptionRules"/>). A refused request leaves the caller's body untouched; defaults (owner, groups)
/// are filled in only once every check has passed.
/// </summary>
internal sealed class CreateRules(
    TotalExpertClientOptions options, bool asAdmin, InsightTypeCatalog insightTypes, IInsightTypesClient insightTypeLookup, WebhookSubscriptionRules? webhooks = null)
{
    private const string OwnerAdvice =
        "set it with OwnerRef.ById / ByEmail / ByUsername / ByExternalId, or configure TotalExpert:DefaultOwner";

    // The body types with an owner named Owner: an OwnerRef, or an InsightOwnerRef where TE takes no e-mail (scenarios).
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> OwnerProperties = new();

    public bool AsAdmin => asAdmin;

    /// <summary>Checks <paramref name="body"/> for <paramref name="operation"/>; returns whether a default was filled in.</summary>
    public async ValueTask<bool> ApplyAsync(TeOperation operation, object body, CancellationToken cancellationToken) => body switch
    {
        NewContact contact => Contact(operation, contact),
        NewInsight insight => await InsightAsync(operation, insight, cancellationToken).ConfigureAwait(false),
        WebhookSubscriptionFields subscription when webhooks is not null => await WebhookAsync(operation, subscription, webhooks, cancellationToken).ConfigureAwait(false),
        _ => OwnedRecord(operation, body),
    };

    private bool Contact(TeOperation operation, NewContact contact)
    {
        var problems = new List<RequestProblem>();
        var fillOwner = CheckOwner(operation, contact.Owner?.IsSet, options.DefaultOwner is not null, "contact", problems);
        if (contact.Id is null)
        {
            CheckContactMinimum(contact, problems);
            CheckRequired(operation, contact, problems);
        }

        var missingGroups = options.RequiredContactGroups
            .Where(required => contact.ContactGroups?.Any(g => string.Equals(g.GroupName?.Trim(), required.Trim(), StringComparison.OrdinalIgnoreCase)) != true)
            .ToList();
        if (missingGroups.Count > 0 && options.MissingRequiredGroups == RequiredGroupsPolicy.Refuse)
        {
            problems.Add(new("contact_groups", $"your organization requires every contact in {Quoted(missingGroups)}; add {(missingGroups.Count == 1 ? "it" : "them")} to contact_groups"));
        }

        Throw(operation, problems);
        if (fillOwner)
        {
            contact.Owner = Copy(options.DefaultOwner!);
        }

        if (missingGroups.Count > 0)
        {
            contact.ContactGroups ??= [];
            foreach (var group in missingGroups)
            {
                contact.ContactGroups.Add(new ContactGroupRef { GroupName = group });
            }
        }

        return fillOwner || missingGroups.Count > 0;
    }

    private async ValueTask<bool> InsightAsync(TeOperation operation, NewInsight insight, CancellationToken cancellationToken)
    {
        var problems = new List<RequestProblem>();
        var defaultOwner = options.DefaultOwner?.ToInsightOwner();
        var fillOwner = CheckOwner(operation, insight.Owner?.IsSet, defaultOwner is not null, "insight", problems, UnusableDefault(defaultOwner, "insights"));

        var type = insight.Type;
        if (type is null || (type.Id is null && string.IsNullOrWhiteSpace(type.Type)))
        {
            problems.Add(new("type", "is required: name the insight type with InsightTypeRef.ByName(...) or InsightTypeRef.ById(...)"));
        }
        else if (type.Type is { } name && options.PartnerPrefix is { } prefix && !InsightTypeNames.HasPrefix(name, prefix))
        {
            problems.Add(new("type", $"'{name}' lacks your partner prefix; TE expects \"{InsightTypeNames.NormalizePrefix(prefix)}{InsightTypeNames.Separator}<Event>\" (build it with InsightTypeNames.Compose or client.InsightTypeName)"));
        }

        CheckRequired(operation, insight, problems);
        Throw(operation, problems);
        if (options.CheckInsightTypes)
        {
            var (known, all) = await insightTypes.FindAsync(type!, insightTypeLookup, cancellationToken).ConfigureAwait(false);
            if (!known)
            {
                var list = all.Count == 0 ? "none" : string.Join("; ", all.Select(t => $"\"{t.Type}\" (id {t.Id})"));
                Throw(operation, [new("type", $"{Describe(type!)} is not an insight type of this organization. Known types: {list}. Ask TE to create the type, or fix the name")]);
            }
        }

        if (fillOwner)
        {
            insight.Owner = defaultOwner;
        }

        return fillOwner;
    }

    private static async ValueTask<bool> WebhookAsync(TeOperation operation, WebhookSubscriptionFields subscription, WebhookSubscriptionRules webhooks, CancellationToken cancellationToken)
    {
        var problems = new List<RequestProblem>();
        await webhooks.CheckAsync(subscription, creating: subscription is NewWebhookSubscription, problems, cancellationToken).ConfigureAwait(false);
        CheckRequired(operation, subscription, problems);
        Throw(operation, problems);
        return false;
    }

    // Any other body: the spec's required members, and the owner where the operation needs one.
    private bool OwnedRecord(TeOperation operation, object body)
    {
        var problems = new List<RequestProblem>();
        CheckRequired(operation, body, problems);
        if (body is LoanFields loan)
        {
            // A loan's role contacts that TE may have to create (a create's or an update's).
            LoanContactRules.Check(loan, problems);
        }

        if (body is ContactUpdateByFields named)
        {
            ContactByFieldsRules.Check(named, problems);
        }

        if (body is SmsOptIn { Status: var status } && status.Value.Length > 0 && status != SmsStatus.OPTEDIN)
        {
            // TE's opt-in takes only OPTED_IN; the status type also carries OPTED_OUT for answers.
            problems.Add(new("status", $"is '{status}'; an opt-in's status is OPTED_IN (record an opt-out with OptOutSmsAsync)"));
        }

        if (body is IReachablePerson person && !Present(person.Email) && !Present(person.Phone))
        {
            problems.Add(new("email", "TE needs one way to reach the person: email or phone"));
        }

        var ownerProperty = OwnerProperties.GetOrAdd(body.GetType(), static type =>
            type.GetProperty("Owner") is { PropertyType: var t } p && (t == typeof(OwnerRef) || t == typeof(InsightOwnerRef)) ? p : null);
        object? fill = null;
        if (ownerProperty is not null)
        {
            var byEmail = ownerProperty.PropertyType == typeof(OwnerRef);
            var defaultOwner = byEmail ? (object?)DefaultOwner() : options.DefaultOwner?.ToInsightOwner();
            var isSet = ownerProperty.GetValue(body) switch { OwnerRef owner => owner.IsSet, InsightOwnerRef owner => owner.IsSet, _ => (bool?)null };
            var what = Describe(body.GetType());
            var advice = byEmail ? null : UnusableDefault((InsightOwnerRef?)defaultOwner, what + "s");
            if (CheckOwner(operation, isSet, defaultOwner is not null, what, problems, advice))
            {
                fill = defaultOwner;
            }
        }

        Throw(operation, problems);
        if (fill is not null)
        {
            ownerProperty!.SetValue(body, fill);
        }

        return fill is not null;
    }

    private OwnerRef? DefaultOwner() => options.DefaultOwner is { } owner ? Copy(owner) : null;

    // Why the configured default owner cannot serve where TE takes no e-mail (null when it can, or none is set).
    private string? UnusableDefault(InsightOwnerRef? converted, string records) =>
        options.DefaultOwner is not null && converted is null
            ? $"the default owner ({options.DefaultOwner}) is known only by e-mail, which TE does not accept for {records}; name the owner by id, username or external id"
            : null;

    // Checks an owner (ownerIsSet is null when no owner object was given); returns whether the default owner
    // should be filled in. The advice replaces the usual hint when the default owner cannot serve.
    private bool CheckOwner(TeOperation operation, bool? ownerIsSet, bool haveDefault, string what, List<RequestProblem> problems, string? advice = null)
    {
        if (ownerIsSet is false)
        {
            problems.Add(new("owner", $"names no user; {OwnerAdvice}"));
            return false;
        }

        if (ownerIsSet is null && asAdmin && operation.OwnerRequiredAsAdmin)
        {
            if (haveDefault)
            {
                return true;
            }

            problems.Add(new("owner", $"is required As Admin (client credentials): TE files every {what} under a user; {advice ?? OwnerAdvice}"));
        }

        return false;
    }

    private static void CheckContactMinimum(NewContact contact, List<RequestProblem> problems)
    {
        Required(contact.Source, "source", "names the system the contact came from", problems);
        Required(contact.FirstName, "first_name", "is required", problems);
        Required(contact.LastName, "last_name", "is required", problems);
        string?[] address = [contact.Address, contact.City, contact.State, contact.ZipCode];
        if (!Reachable(contact.Email, contact.PhoneCell, contact.PhoneHome, contact.PhoneOffice, address))
        {
            var partial = address.Any(Present)
                ? $" (the address lacks {string.Join(", ", new[] { "address", "city", "state", "zip_code" }.Where((_, i) => !Present(address[i])))})"
                : string.Empty;
            problems.Add(new("email", $"TE needs one way to reach the contact: email, phone_cell, phone_home, phone_office or the complete address{partial}"));
        }
    }

    // The spec's required members; a field a TE rule above already reported is not reported twice.
    private static void CheckRequired(TeOperation operation, object body, List<RequestProblem> problems)
    {
        var found = new List<RequestProblem>();
        RequiredMembers.Check(operation, body, found);
        problems.AddRange(found.Where(f => !problems.Any(p => p.Field == f.Field)));
    }

    private static void Required(string? value, string field, string message, List<RequestProblem> problems)
    {
        if (!Present(value))
        {
            problems.Add(new(field, message));
        }
    }

    private static bool Present(string? value) => !string.IsNullOrWhiteSpace(value);

    /// <summary>TE's way to reach a contact it creates: an email, a phone, or the complete address (street, city, state, zip).</summary>
    internal static bool Reachable(string? email, string? cell, string? home, string? office, string?[] address) =>
        Present(email) || Present(cell) || Present(home) || Present(office) || address.All(Present);

    private static void Throw(TeOperation operation, List<RequestProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new TotalExpertRequestValidationException(operation.OperationId, problems);
        }
    }

    // NewContactNote -> "contact note": how a message names what is being created.
    private static string Describe(Type body) =>
        string.Concat(body.Name.Replace("New", "", StringComparison.Ordinal).Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static OwnerRef Copy(OwnerRef owner) => new() { Id = owner.Id, Email = owner.Email, Username = owner.Username, ExternalId = owner.ExternalId };

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static string Describe(InsightTypeRef type) => type.Type is { } name ? $"\"{name}\"" : $"id {type.Id}";
}
