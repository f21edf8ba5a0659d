namespace TeGen.Sandbox.Faults;

/// <summary>When a <see cref="FaultKind.ServerError"/> or <see cref="FaultKind.Drop"/> fault strikes.</summary>
public enum FaultStage
{
    /// <summary>Before the sandbox processes the request: nothing is stored.</summary>
    Before,

    /// <summary>
    /// After the sandbox processed (and stored) the request, instead of its answer. A POST dropped this way was
    /// applied although the client saw no answer, which is how retrying clients end up with duplicates.
    /// </summary>
    After,
}
