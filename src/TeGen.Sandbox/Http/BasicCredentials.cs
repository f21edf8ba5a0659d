using System.Text;

namespace TeGen.Sandbox.Http;

// Client credentials in a Basic Authorization header, as TE's token endpoint takes them: read by the token endpoint,
// and by the limits when TE's token limit is counted per client.
internal static class BasicCredentials
{
    public static (string? Id, string? Secret) Parse(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? (decoded, "") : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return ("", "");
        }
    }

    public static string? ClientIdOf(HttpContext context)
    {
        var (id, _) = Parse(context.Request.Headers.Authorization.ToString());
        return string.IsNullOrEmpty(id) ? null : id;
    }
}
