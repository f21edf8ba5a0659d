namespace TeGen.Client;

/// <summary>TE's hosts. Paths carry the version (<c>/v1/...</c>), so a base URL is the host alone.</summary>
public static class TotalExpertEnvironments
{
    /// <summary>TE production: <c>https://public.totalexpert.net/</c>.</summary>
    public static Uri Production { get; } = new("https://public.totalexpert.net/");

    /// <summary>
    /// TE's test ("CT") environment: <c>https://public.vt.totalexpert.net/</c>, with its own credentials and no UI.
    /// TE's Postman collection says production and test share one host and differ only by credentials; if your
    /// TE contact confirms that, use <see cref="Production"/> with your test credentials.
    /// </summary>
    public static Uri Sandbox { get; } = new("https://public.vt.totalexpert.net/");

    /// <summary>Whether <paramref name="host"/> is one of TE's API hosts.</summary>
    /// <param name="host">A host name.</param>
    public static bool IsTotalExpertHost(string host) =>
        host.Equals(Production.Host, StringComparison.OrdinalIgnoreCase)
        || host.Equals(Sandbox.Host, StringComparison.OrdinalIgnoreCase);
}
