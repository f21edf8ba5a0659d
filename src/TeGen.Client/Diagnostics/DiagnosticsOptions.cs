namespace TeGen.Client.Diagnostics;

/// <summary>
/// What TeGen keeps for diagnosing a failed call (configuration section <c>TotalExpert:Diagnostics</c>). Logs and traces
/// never hold secrets, tokens, bodies or query strings whatever these say.
/// </summary>
public sealed class DiagnosticsOptions
{
    /// <summary>
    /// Whether a <see cref="TotalExpertApiException"/> keeps the start of TE's error body in
    /// <see cref="TotalExpertApiException.Response"/>. Default <c>true</c>. Set it to <c>false</c> where exceptions travel
    /// to places that must not hold personal data (an error tracker): TE's error bodies can echo what was sent. TE's own
    /// error text (<see cref="TotalExpertApiException.TeError"/>) is kept either way.
    /// </summary>
    public bool KeepErrorBodies { get; set; } = true;
}
