namespace TeGen.Client.Http;

/// <summary>A permit a process adds to an <see cref="ISharedRequestLog"/> itself (<see cref="ISharedRequestLog.AddAsync"/>): its id and when it frees.</summary>
/// <param name="Permit">The permit's unique id; a later <see cref="ISharedRequestLog.CountAsync"/> with it moves its freeing.</param>
/// <param name="FreesAt">When the permit leaves the log.</param>
public readonly record struct SharedPermitEntry(string Permit, DateTimeOffset FreesAt);
