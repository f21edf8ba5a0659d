namespace TeGen.Sandbox;

/// <summary>
/// An account class of a sandbox organization (<c>/v1/account-classifications</c>), what an account's or a lending
/// lookup's <c>account_class</c> names.
/// </summary>
public sealed class SandboxAccountClass
{
    /// <summary>Name of the class, e.g. <c>Mortgage</c>.</summary>
    public required string ClassName { get; init; }

    /// <summary>Kind of class: <c>LOAN</c> or <c>ACCOUNT</c>.</summary>
    public required string ClassType { get; init; }

    /// <summary>
    /// What every sandbox organization starts with: <c>Mortgage</c> (<c>LOAN</c>, the class TE gives a loan that names
    /// none), <c>Home Equity</c> (<c>LOAN</c>) and <c>Deposit</c> (<c>ACCOUNT</c>).
    /// </summary>
    /// <returns>New instances, safe to modify.</returns>
    public static IList<SandboxAccountClass> Defaults() =>
    [
        new() { ClassName = "Mortgage", ClassType = "LOAN" },
        new() { ClassName = "Home Equity", ClassType = "LOAN" },
        new() { ClassName = "Deposit", ClassType = "ACCOUNT" },
    ];
}
