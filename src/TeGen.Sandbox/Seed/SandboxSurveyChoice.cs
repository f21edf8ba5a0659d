namespace TeGen.Sandbox;

/// <summary>One allowed answer of a <c>choice</c> <see cref="SandboxSurveyQuestion"/>.</summary>
public sealed class SandboxSurveyChoice
{
    /// <summary>The answer as shown and as a survey response sends it (<c>value</c>).</summary>
    public required string Value { get; init; }

    /// <summary>Normalised key of the answer (<c>system_name</c>).</summary>
    public required string SystemName { get; init; }

    /// <summary>Display position.</summary>
    public long SortOrder { get; init; }
}
