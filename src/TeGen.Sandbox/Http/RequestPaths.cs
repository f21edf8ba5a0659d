namespace TeGen.Sandbox.Http;

internal static class RequestPaths
{
    public const string Sandbox = "/_sandbox";
    public const string V1 = "/v1";
    public const string Token = "/v1/token";

    // Segment-wise, so "/v1/contacts" does not cover "/v1/contacts-archive".
    public static bool IsUnder(string path, string prefix)
    {
        var trimmed = prefix.TrimEnd('/');
        return trimmed.Length == 0
            || path.Equals(trimmed, StringComparison.OrdinalIgnoreCase)
            || (path.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase) && path.Length > trimmed.Length && path[trimmed.Length] == '/');
    }

    public static bool IsSandbox(HttpContext context) => IsUnder(context.Request.Path.Value ?? "", Sandbox);

    public static bool IsV1(HttpContext context) => IsUnder(context.Request.Path.Value ?? "", V1);

    public static bool IsTokenRequest(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && IsUnder(context.Request.Path.Value ?? "", Token);
}
