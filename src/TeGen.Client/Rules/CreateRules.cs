namespace TeGen.Client.Rules;

/// <summary>
/// TE's rules for creates, checked before anything is sent: the owner As Admin, the contact minimum, the
/// organization's required groups, insight type names. A refused request leaves the caller's body untouched;
/// defaults (owner, groups) are filled in only once every check has passed.
/// </summary>
internal sealed class CreateRules(TotalExpertClientOptions options, bool asAdmin, InsightTypeCatalog insightTypes)
{
    private const string OwnerAdvice =
        "set it with OwnerRef.ById / ByEmail / ByUsername / ByExternalId, or configure TotalExpert:DefaultOwner";

    public bool AsAdmin => asAdmin;

    public void Contact(NewContact contact)
    {
        var problems = new List<RequestProblem>();
        var fillOwner = CheckOwner(contact.Owner?.IsSet, options.DefaultOwner is not null, "contact", problems);
        if (contact.Id is null)
        {
            CheckContactMinimum(contact, problems);
            CheckRequired(contact, problems);
        }

        var missingGroups = options.RequiredContactGroups
            .Where(required => contact.ContactGroups?.Any(g => string.Equals(g.GroupName?.Trim(), required.Trim(), StringComparison.OrdinalIgnoreCase)) != true)
            .ToList();
        if (missingGroups.Count > 0 && options.MissingRequiredGroups == RequiredGroupsPolicy.Refuse)
        {
            problems.Add(new("contact_groups", $"your organization requires every contact in {Quoted(missingGroups)}; add {(missingGroups.Count == 1 ? "it" : "them")} to contact_groups"));
        }

        Throw("CreateContact", problems);
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
    }

    public void ContactGroup(NewContactGroup group) => OwnedRecord("CreateContactGroup", "contact group", group, group.Owner, o => group.Owner = o);

    public void ContactNote(NewContactNote note) => OwnedRecord("CreateContactNote", "note", note, note.Owner, o => note.Owner = o);

    public void SurveyResponse(NewContactSurveyResponse response) =>
        OwnedRecord("CreateContactSurveyResponse", "survey response", response, response.Owner, o => response.Owner = o);

    /// <summary>A create with no TE rule beyond the spec's required members (e.g. a survey).</summary>
    public static void Required(string operation, object body)
    {
        var problems = new List<RequestProblem>();
        CheckRequired(body, problems);
        Throw(operation, problems);
    }

    public async Task InsightAsync(NewInsight insight, IInsightTypesClient lookup, CancellationToken cancellationToken)
    {
        var problems = new List<RequestProblem>();
        var defaultOwner = options.DefaultOwner?.ToInsightOwner();
        var unusableDefault = options.DefaultOwner is not null && defaultOwner is null
            ? $"the default owner ({options.DefaultOwner}) is known only by e-mail, which TE does not accept for insights; name the owner by id, username or external id"
            : null;
        var fillOwner = CheckOwner(insight.Owner?.IsSet, defaultOwner is not null, "insight", problems, unusableDefault);

        var type = insight.Type;
        if (type is null || (type.Id is null && string.IsNullOrWhiteSpace(type.Type)))
        {
            problems.Add(new("type", "is required: name the insight type with InsightTypeRef.ByName(...) or InsightTypeRef.ById(...)"));
        }
        else if (type.Type is { } name && options.PartnerPrefix is { } prefix && !InsightTypeNames.HasPrefix(name, prefix))
        {
            problems.Add(new("type", $"'{name}' lacks your partner prefix; TE expects \"{InsightTypeNames.NormalizePrefix(prefix)}{InsightTypeNames.Separator}<Event>\" (build it with InsightTypeNames.Compose or client.InsightTypeName)"));
        }

        CheckRequired(insight, problems);
        Throw("CreateInsight", problems);
        if (options.CheckInsightTypes)
        {
            var (known, all) = await insightTypes.FindAsync(type!, lookup, cancellationToken).ConfigureAwait(false);
            if (!known)
            {
                var list = all.Count == 0 ? "none" : string.Join("; ", all.Select(t => $"\"{t.Type}\" (id {t.Id})"));
                Throw("CreateInsight", [new("type", $"{Describe(type!)} is not an insight type of this organization. Known types: {list}. Ask TE to create the type, or fix the name")]);
            }
        }

        if (fillOwner)
        {
            insight.Owner = defaultOwner;
        }
    }

    private void OwnedRecord(string operation, string what, object body, OwnerRef? owner, Action<OwnerRef> setOwner)
    {
        var problems = new List<RequestProblem>();
        CheckRequired(body, problems);
        var fillOwner = CheckOwner(owner?.IsSet, options.DefaultOwner is not null, what, problems);
        Throw(operation, problems);
        if (fillOwner)
        {
            setOwner(Copy(options.DefaultOwner!));
        }
    }

    // Checks an owner (ownerIsSet is null when no owner object was given); returns whether the default owner
    // should be filled in. The advice replaces the usual hint when the default owner cannot serve.
    private bool CheckOwner(bool? ownerIsSet, bool haveDefault, string what, List<RequestProblem> problems, string? advice = null)
    {
        if (ownerIsSet is false)
        {
            problems.Add(new("owner", $"names no user; {OwnerAdvice}"));
            return false;
        }

        if (ownerIsSet is null && asAdmin)
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
        var reachable = Present(contact.Email) || Present(contact.PhoneCell) || Present(contact.PhoneHome) || Present(contact.PhoneOffice) || address.All(Present);
        if (!reachable)
        {
            var partial = address.Any(Present)
                ? $" (the address lacks {string.Join(", ", new[] { "address", "city", "state", "zip_code" }.Where((_, i) => !Present(address[i])))})"
                : string.Empty;
            problems.Add(new("email", $"TE needs one way to reach the contact: email, phone_cell, phone_home, phone_office or the complete address{partial}"));
        }
    }

    // The spec's required members; a field a TE rule above already reported is not reported twice.
    private static void CheckRequired(object body, List<RequestProblem> problems)
    {
        var found = new List<RequestProblem>();
        RequiredMembers.Check(body, found);
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

    private static void Throw(string operation, List<RequestProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new TotalExpertRequestValidationException(operation, problems);
        }
    }

    private static OwnerRef Copy(OwnerRef owner) => new() { Id = owner.Id, Email = owner.Email, Username = owner.Username, ExternalId = owner.ExternalId };

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static string Describe(InsightTypeRef type) => type.Type is { } name ? $"\"{name}\"" : $"id {type.Id}";
}
