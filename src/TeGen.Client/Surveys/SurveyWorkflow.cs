using System.Globalization;

namespace TeGen.Client.Surveys;

/// <summary>
/// TE's survey-ID workflow in one place. A survey response needs three TE ids: the survey's, each question's and
/// the contact's, and the contact must exist before the response is posted. The workflow finds the survey by
/// name and version (creating it when absent), maps question ids by <c>system_name</c> (cached for the life of
/// the workflow), checks every answer against its question, creates or deduplicates the contact, then posts
/// the response. Keep one workflow per client (e.g. a singleton) so the survey is looked up once.
/// </summary>
public sealed class SurveyWorkflow
{
    private readonly TotalExpertClient _client;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<(string Name, string Version), PreparedSurvey> _surveys = [];

    /// <summary>Creates a workflow on <paramref name="client"/> (As Admin or As User).</summary>
    /// <param name="client">The client to send through.</param>
    public SurveyWorkflow(TotalExpertClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>
    /// Finds the survey by name and version, or creates it, and reads its question ids. Cached: later calls for the
    /// same name and version send nothing.
    /// </summary>
    /// <param name="definition">The survey.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <exception cref="InvalidOperationException">The survey exists in TE without some of the definition's questions (change the version when the questions change).</exception>
    public async Task<PreparedSurvey> EnsureSurveyAsync(SurveyDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var key = (definition.Name, definition.Version);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_surveys.TryGetValue(key, out var prepared))
            {
                prepared = await FindOrCreateAsync(definition, cancellationToken).ConfigureAwait(false);
                _surveys[key] = prepared;
            }

            return prepared;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Ensures the survey, checks the answers, creates (or deduplicates) the contact, then posts the response for it.
    /// Nothing is sent for the contact or the response when an answer is wrong.
    /// </summary>
    /// <param name="definition">The survey.</param>
    /// <param name="contact">The contact who answered; As Admin it needs an owner (or a configured default owner).</param>
    /// <param name="answers">The answers by question system name.</param>
    /// <param name="cancellationToken">Cancels the workflow.</param>
    /// <exception cref="TotalExpertRequestValidationException">An answer, or the contact, is invalid; nothing was sent for them.</exception>
    public async Task<SurveySubmission> SubmitAsync(SurveyDefinition definition, NewContact contact, SurveyAnswers answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var survey = await EnsureSurveyAsync(definition, cancellationToken).ConfigureAwait(false);
        var responses = CheckAnswers(survey, answers);
        var created = await _client.Contacts.CreateContactAsync(contact, cancellationToken).ConfigureAwait(false);
        var responseId = await PostAsync(survey, responses, created.Id, contact.Owner, cancellationToken).ConfigureAwait(false);
        return new SurveySubmission(survey, created, responseId);
    }

    /// <summary>Posts answers for a contact that already exists in TE.</summary>
    /// <param name="survey">The prepared survey.</param>
    /// <param name="contactId">TE's id of the contact.</param>
    /// <param name="answers">The answers by question system name.</param>
    /// <param name="owner">As Admin, the contact's owner (or leave it to the configured default owner).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>TE's id of the survey response.</returns>
    /// <exception cref="TotalExpertRequestValidationException">An answer is invalid; nothing was sent.</exception>
    public Task<string> SubmitAsync(PreparedSurvey survey, long contactId, SurveyAnswers answers, OwnerRef? owner = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return PostAsync(survey, CheckAnswers(survey, answers), contactId, owner, cancellationToken);
    }

    /// <summary>
    /// Turns answers into TE's question responses, refusing unknown questions, numbers that are not numbers and
    /// choices that are not among the question's answers.
    /// </summary>
    /// <param name="survey">The prepared survey.</param>
    /// <param name="answers">The answers by question system name.</param>
    /// <exception cref="TotalExpertRequestValidationException">An answer is invalid.</exception>
    public static IReadOnlyList<NewQuestionResponse> CheckAnswers(PreparedSurvey survey, SurveyAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(answers);
        var problems = new List<RequestProblem>();
        var responses = new List<NewQuestionResponse>();
        if (answers.Count == 0)
        {
            problems.Add(new("question_responses", "no answers were given"));
        }

        foreach (var (systemName, raw) in answers)
        {
            var field = $"question_responses[{systemName}]";
            if (!survey.Questions.TryGetValue(systemName, out var question))
            {
                problems.Add(new(field, $"survey '{survey.Definition.Name}' {survey.Definition.Version} has no such question; its questions are {string.Join(", ", survey.Questions.Keys)}"));
                continue;
            }

            if (Check(question, raw, out var problem) is { } value)
            {
                responses.Add(new NewQuestionResponse { Question = new QuestionRef { Id = question.Id! }, ResponseValue = value });
            }
            else
            {
                problems.Add(new(field, problem!));
            }
        }

        if (problems.Count > 0)
        {
            throw new TotalExpertRequestValidationException("CreateContactSurveyResponse", problems);
        }

        return responses;
    }

    // The value TE expects for a valid answer, or null with the reason.
    private static string? Check(SurveyQuestion question, string raw, out string? problem)
    {
        problem = null;

        // Question types are open value types (TE may add some), not constants: a type this SDK does not know is
        // passed through unchecked, as text is.
        if (question.DataType == SurveyQuestionDataType.Decimal)
        {
            if (decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
            {
                return raw.Trim();
            }

            problem = $"'{raw}' is not a number (decimal question; digits with an optional sign and '.' only)";
            return null;
        }

        if (question.DataType == SurveyQuestionDataType.Choice)
        {
            var choices = question.PossibleChoiceAnswers ?? [];
            var match = choices.FirstOrDefault(c => c.Value == raw) ?? choices.FirstOrDefault(c => c.SystemName == raw);
            if (match is not null)
            {
                return match.Value;
            }

            problem = $"'{raw}' is not one of the question's answers: {string.Join(", ", choices.Select(c => $"'{c.Value}' ({c.SystemName})"))}";
            return null;
        }

        return raw;
    }

    private async Task<string> PostAsync(PreparedSurvey survey, IReadOnlyList<NewQuestionResponse> responses, long contactId, OwnerRef? owner, CancellationToken cancellationToken)
    {
        var result = await _client.ContactSurveyResponses.CreateContactSurveyResponseAsync(
            new NewContactSurveyResponse
            {
                Survey = new SurveyRef { Id = survey.Id },
                Contact = new ContactRef { Id = contactId },
                Owner = owner,
                QuestionResponses = [.. responses],
            },
            cancellationToken).ConfigureAwait(false);
        return result.Id;
    }

    private async Task<PreparedSurvey> FindOrCreateAsync(SurveyDefinition definition, CancellationToken cancellationToken)
    {
        string? id = null;
        await foreach (var survey in _client.ContactSurveys.ListAllContactSurveysAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (survey.SurveyName == definition.Name && survey.Version == definition.Version && survey.Id is not null)
            {
                id = survey.Id;
                break;
            }
        }

        var created = id is null;
        id ??= (await _client.ContactSurveys.CreateContactSurveyAsync(definition.ToNewContactSurvey(), cancellationToken).ConfigureAwait(false)).Id;

        // The list may omit questions and a create answers with the id only: read the survey for its question ids.
        var stored = await _client.ContactSurveys.GetContactSurveyAsync(id, cancellationToken).ConfigureAwait(false);
        var questions = (stored.Questions ?? [])
            .Where(q => q.Id is not null && q.SystemName is not null)
            .GroupBy(q => q.SystemName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var missing = definition.Questions.Select(q => q.SystemName).Where(name => !questions.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Survey '{definition.Name}' version {definition.Version} (TE id {id}) has no question {string.Join(", ", missing.Select(m => $"'{m}'"))}. " +
                "Its questions changed without a new version: give the definition a new version so TeGen creates a new survey.");
        }

        return new PreparedSurvey(id, definition, created, questions);
    }
}
