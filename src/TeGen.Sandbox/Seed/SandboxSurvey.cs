namespace TeGen.Sandbox;

/// <summary>
/// A survey that exists in a sandbox organization from the start, and again after a reset (as it was seeded).
/// </summary>
public sealed class SandboxSurvey
{
    /// <summary>TE id of the survey: 16 lowercase hexadecimal characters, unique across all organizations of a sandbox.</summary>
    public required string Id { get; init; }

    /// <summary>The survey's <c>survey_name</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The survey's <c>version</c> label, e.g. <c>1</c>.</summary>
    public string? Version { get; init; }

    /// <summary>The survey's <c>source</c>.</summary>
    public string? Source { get; init; }

    /// <summary>The questions, each with the id survey responses name it by.</summary>
    public IList<SandboxSurveyQuestion> Questions { get; init; } = [];
}
