namespace TeGen.Sandbox;

/// <summary>A question of a <see cref="SandboxSurvey"/>.</summary>
public sealed class SandboxSurveyQuestion
{
    /// <summary>TE id of the question: 16 lowercase hexadecimal characters, unique within the survey.</summary>
    public required string Id { get; init; }

    /// <summary>The question as shown (<c>question_text</c>).</summary>
    public required string Text { get; init; }

    /// <summary>Normalised key, unique within the survey (<c>system_name</c>).</summary>
    public required string SystemName { get; init; }

    /// <summary>Kind of answer: <c>text</c>, <c>decimal</c> or <c>choice</c>. Default <c>text</c>.</summary>
    public string DataType { get; init; } = "text";

    /// <summary>Display position.</summary>
    public long SortOrder { get; init; }

    /// <summary>Allowed answers of a <c>choice</c> question; ignored for other kinds.</summary>
    public IList<SandboxSurveyChoice> Choices { get; init; } = [];
}
