using System.Globalization;
using TeGen.Client;

namespace TeGen.Tool.Import;

/// <summary>
/// Reads an owner as <c>--owner</c> or an <c>owner</c> column gives it: <c>id:101</c>, <c>email:jane@acme.example</c>,
/// <c>username:jane-doe</c>, <c>external-id:U-7</c>, or a bare value (a number is an id, one with <c>@</c> an e-mail,
/// anything else a username).
/// </summary>
internal static class OwnerOption
{
    public static OwnerRef Parse(string value)
    {
        var text = value.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (kind, rest) = colon > 0 ? (text[..colon].Trim().ToLowerInvariant(), text[(colon + 1)..].Trim()) : ("", text);
        return kind switch
        {
            "id" when long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var id) => OwnerRef.ById(id),
            "id" => throw new ArgumentException($"owner '{value}': an id is a whole number"),
            "email" => OwnerRef.ByEmail(rest),
            "username" => OwnerRef.ByUsername(rest),
            "external-id" or "external_id" => OwnerRef.ByExternalId(rest),
            "" when long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var id) => OwnerRef.ById(id),
            "" when rest.Contains('@', StringComparison.Ordinal) => OwnerRef.ByEmail(rest),
            "" when rest.Length > 0 => OwnerRef.ByUsername(rest),
            _ when rest.Contains('@', StringComparison.Ordinal) => OwnerRef.ByEmail(text),
            _ => throw new ArgumentException($"owner '{value}' is not id:N, email:ADDRESS, username:NAME or external-id:ID"),
        };
    }
}
