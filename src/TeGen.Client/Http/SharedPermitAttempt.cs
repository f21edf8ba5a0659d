namespace TeGen.Client.Http;

/// <summary>The outcome of <see cref="ISharedRequestLog.TryTakeAsync"/>.</summary>
/// <param name="Wait">Zero when the permit was taken; otherwise how long until one may free.</param>
/// <param name="Processes">How many processes (limiters) used the scope during the last window, the caller included.</param>
public readonly record struct SharedPermitAttempt(TimeSpan Wait, int Processes)
{
    /// <summary>Whether the permit was taken.</summary>
    public bool Taken => Wait <= TimeSpan.Zero;
}
