namespace TeGen.Benchmarks.Canned;

/// <summary>Which canned body answers which TE call; shared by the loopback server and the in-memory handler.</summary>
public static class CannedRoutes
{
    private static readonly byte[] NotFound = "{\"error\":\"Not found\"}"u8.ToArray();

    /// <summary>The status and body TE would send for <paramref name="method"/> <paramref name="path"/>.</summary>
    public static (int Status, byte[] Body) Answer(string method, string path) => (method, path) switch
    {
        ("POST", "/v1/token") => (200, CannedPayloads.Token),
        ("POST", "/v1/contacts") => (201, CannedPayloads.ContactCreated),
        ("GET", "/v1/contacts") => (200, CannedPayloads.ContactPage),
        ("GET", _) when path.StartsWith("/v1/contacts/", StringComparison.Ordinal) => (200, CannedPayloads.Contact),
        ("GET", _) when path.StartsWith("/v1/contact-surveys/", StringComparison.Ordinal) => (200, CannedPayloads.Survey),
        _ => (404, NotFound),
    };
}
