namespace TeGen.Client.Surveys;

/// <summary>A survey as it exists in TE, with its question ids mapped by <c>system_name</c>.</summary>
public sealed class PreparedSurvey
{
    internal PreparedSurvey(string id, SurveyDefinition definition, bool created, IReadOnlyDictionary<string, SurveyQuestion> questions)
    {
        Id = id;
        Definition = definition;
        WasCreated = created;
        Questions = questions;
    }

    /// <summary>TE's id of the survey.</summary>
    public string Id { get; }

    /// <summary>The definition it was prepared from.</summary>
    public SurveyDefinition Definition { get; }

    /// <summary>Whether this preparation created the survey in TE (otherwise it already existed).</summary>
    public bool WasCreated { get; }

    /// <summary>The survey's questions as TE returned them (with ids), by <c>system_name</c>.</summary>
    public IReadOnlyDictionary<string, SurveyQuestion> Questions { get; }

    /// <summary>TE's id of the question <paramref name="systemName"/>.</summary>
    /// <param name="systemName">The question's system name.</param>
    public string QuestionId(string systemName) =>
        Questions.TryGetValue(systemName, out var question) ? question.Id! : throw new KeyNotFoundException($"Survey '{Definition.Name}' {Definition.Version} has no question '{systemName}'.");
}
