namespace TeGen.Client.Surveys;

/// <summary>
/// A survey as your integration defines it: name, version and questions keyed by <c>system_name</c>. TE knows the
/// survey by id; <see cref="SurveyWorkflow"/> finds it by name and version (or creates it) and maps each
/// <c>system_name</c> to TE's question id. Change the questions only together with the version.
/// </summary>
public sealed class SurveyDefinition
{
    private readonly List<SurveyQuestion> _questions = [];

    /// <summary>Creates a definition.</summary>
    /// <param name="name">The survey name shown in TE, e.g. <c>First Time Buyer Funnel</c>.</param>
    /// <param name="version">Your version of it, e.g. <c>1.3</c>; TE keeps surveys of one name apart by it.</param>
    /// <param name="source">The system the answers come from, e.g. your product's name.</param>
    public SurveyDefinition(string name, string version, string source)
    {
        Name = NotBlank(name, nameof(name));
        Version = NotBlank(version, nameof(version));
        Source = NotBlank(source, nameof(source));
    }

    /// <summary>The survey name.</summary>
    public string Name { get; }

    /// <summary>The survey version.</summary>
    public string Version { get; }

    /// <summary>The system the answers come from.</summary>
    public string Source { get; }

    /// <summary>Your id for the survey (TE's <c>external_id</c>), if any.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The questions in the order they were added.</summary>
    public IReadOnlyList<SurveyQuestion> Questions => _questions;

    /// <summary>Adds a question answered with a number (sent as a string, e.g. <c>"265000"</c>).</summary>
    /// <param name="systemName">The question's key, unique in the survey, e.g. <c>max_price</c>.</param>
    /// <param name="questionText">The question as shown.</param>
    public SurveyDefinition Decimal(string systemName, string questionText) => Add(systemName, questionText, SurveyQuestionDataType.Decimal, null);

    /// <summary>Adds a free-text question.</summary>
    /// <param name="systemName">The question's key, unique in the survey.</param>
    /// <param name="questionText">The question as shown.</param>
    public SurveyDefinition Text(string systemName, string questionText) => Add(systemName, questionText, SurveyQuestionDataType.Text, null);

    /// <summary>Adds a question answered with exactly one of <paramref name="answers"/>.</summary>
    /// <param name="systemName">The question's key, unique in the survey.</param>
    /// <param name="questionText">The question as shown.</param>
    /// <param name="answers">The possible answers: the value shown and sent, and its key.</param>
    public SurveyDefinition Choice(string systemName, string questionText, params (string Value, string SystemName)[] answers)
    {
        if (answers is null || answers.Length == 0)
        {
            throw new ArgumentException("A choice question needs at least one possible answer.", nameof(answers));
        }

        var choices = answers.Select((a, i) => new ChoiceAnswer { Value = NotBlank(a.Value, nameof(answers)), SystemName = NotBlank(a.SystemName, nameof(answers)), SortOrder = i + 1 }).ToList();
        return Add(systemName, questionText, SurveyQuestionDataType.Choice, choices);
    }

    /// <summary>The body that creates this survey in TE.</summary>
    public NewContactSurvey ToNewContactSurvey() => new()
    {
        SurveyName = Name,
        Version = Version,
        Source = Source,
        ExternalId = ExternalId,
        Questions = [.. _questions.Select(Copy)],
    };

    private SurveyDefinition Add(string systemName, string questionText, SurveyQuestionDataType type, List<ChoiceAnswer>? choices)
    {
        NotBlank(systemName, nameof(systemName));
        if (_questions.Any(q => q.SystemName == systemName))
        {
            throw new ArgumentException($"The survey already has a question '{systemName}'; system names are unique within a survey.", nameof(systemName));
        }

        _questions.Add(new SurveyQuestion
        {
            SystemName = systemName,
            QuestionText = NotBlank(questionText, nameof(questionText)),
            DataType = type,
            SortOrder = _questions.Count + 1,
            PossibleChoiceAnswers = choices,
        });
        return this;
    }

    private static SurveyQuestion Copy(SurveyQuestion q) => new()
    {
        SystemName = q.SystemName,
        QuestionText = q.QuestionText,
        DataType = q.DataType,
        SortOrder = q.SortOrder,
        PossibleChoiceAnswers = q.PossibleChoiceAnswers?.Select(a => new ChoiceAnswer { Value = a.Value, SystemName = a.SystemName, SortOrder = a.SortOrder }).ToList(),
    };

    private static string NotBlank(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Cannot be empty.", name) : value;
}
