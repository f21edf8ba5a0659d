namespace TeGen.Client.Rules;

// The generated clients with TE's create rules applied before sending (see CreateRules). Their create methods are
// virtual, so the checks sit in front of every overload and the rest of each client is unchanged.

internal sealed class CheckedContactsClient(HttpClient http, CreateRules rules) : ContactsClient(http)
{
    public override Task<CreateResult> CreateContactAsync(NewContact body, CancellationToken cancellationToken)
    {
        rules.Contact(body ?? throw new ArgumentNullException(nameof(body)));
        return base.CreateContactAsync(body, cancellationToken);
    }
}

internal sealed class CheckedContactGroupsClient(HttpClient http, CreateRules rules) : ContactGroupsClient(http)
{
    public override Task<CreateResult> CreateContactGroupAsync(NewContactGroup body, CancellationToken cancellationToken)
    {
        rules.ContactGroup(body ?? throw new ArgumentNullException(nameof(body)));
        return base.CreateContactGroupAsync(body, cancellationToken);
    }
}

internal sealed class CheckedContactNotesClient(HttpClient http, CreateRules rules) : ContactNotesClient(http)
{
    public override Task<CreateResult> CreateContactNoteAsync(NewContactNote body, CancellationToken cancellationToken)
    {
        rules.ContactNote(body ?? throw new ArgumentNullException(nameof(body)));
        return base.CreateContactNoteAsync(body, cancellationToken);
    }
}

internal sealed class CheckedContactSurveysClient(HttpClient http) : ContactSurveysClient(http)
{
    public override Task<HexCreateResult> CreateContactSurveyAsync(NewContactSurvey body, CancellationToken cancellationToken)
    {
        CreateRules.Required("CreateContactSurvey", body ?? throw new ArgumentNullException(nameof(body)));
        return base.CreateContactSurveyAsync(body, cancellationToken);
    }
}

internal sealed class CheckedContactSurveyResponsesClient(HttpClient http, CreateRules rules) : ContactSurveyResponsesClient(http)
{
    public override Task<HexCreateResult> CreateContactSurveyResponseAsync(NewContactSurveyResponse body, CancellationToken cancellationToken)
    {
        rules.SurveyResponse(body ?? throw new ArgumentNullException(nameof(body)));
        return base.CreateContactSurveyResponseAsync(body, cancellationToken);
    }
}

internal sealed class CheckedInsightsClient(HttpClient http, CreateRules rules, IInsightTypesClient insightTypes) : InsightsClient(http)
{
    public override async Task<CreateResult> CreateInsightAsync(NewInsight body, CancellationToken cancellationToken)
    {
        await rules.InsightAsync(body ?? throw new ArgumentNullException(nameof(body)), insightTypes, cancellationToken).ConfigureAwait(false);
        return await base.CreateInsightAsync(body, cancellationToken).ConfigureAwait(false);
    }
}
