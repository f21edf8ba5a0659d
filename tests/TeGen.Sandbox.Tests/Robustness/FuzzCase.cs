using System.Text;

namespace TeGen.Sandbox.Tests.Robustness;

/// <summary>One generated request, described completely enough to be replayed from a failure message.</summary>
internal sealed record FuzzCase(string What, string Method, string Target, string? Authorization, string? ContentType, byte[]? Body)
{
    public int Number { get; init; }

    // Writes (and the reset) that remove what later cases rely on run last.
    public bool Destructive => Method == "DELETE" || Target.StartsWith("_sandbox/reset", StringComparison.Ordinal);

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Target);
        if (Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        }

        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return request;
    }

    public override string ToString() =>
        $"case {Number} ({What}): {Method} /{Preview(Target)} | Authorization: {Preview(Authorization)} | Content-Type: {ContentType ?? "-"} | body ({Body?.Length ?? 0} bytes): {Preview(Body)}";

    // Non-printable and non-ASCII characters as escapes, long values cut, so the message shows exactly what was sent.
    private static string Preview(string? text) => text is null ? "-" : Preview(Encoding.UTF8.GetBytes(text));

    private static string Preview(byte[]? bytes)
    {
        if (bytes is null)
        {
            return "-";
        }

        var shown = new StringBuilder();
        foreach (var b in bytes.Take(240))
        {
            shown.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return bytes.Length > 240 ? $"{shown}…" : shown.ToString();
    }
}
