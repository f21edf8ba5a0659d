namespace TeGen.Client.Auth;

/// <summary>The outcome of <see cref="ITokenBudgetLog.TryRecordAsync"/>.</summary>
/// <param name="Recorded">Whether the request was recorded.</param>
/// <param name="Recent">The requests of the window, oldest first, the recorded one included.</param>
public readonly record struct TokenBudgetRecording(bool Recorded, IReadOnlyList<DateTimeOffset> Recent);
