namespace TeGen.Analyzers;

/// <summary>
/// The default owner declared with <c>tegen.default_owner</c>: <c>id:101</c>, <c>email:ann@example.com</c>,
/// <c>username:ann</c> or <c>external_id:U-7</c>, naming the factory the code fix writes.
/// </summary>
internal sealed class OwnerSetting
{
    private OwnerSetting(string factory, string value)
    {
        Factory = factory;
        Value = value;
    }

    /// <summary>The factory method: <c>ById</c>, <c>ByEmail</c>, <c>ByUsername</c> or <c>ByExternalId</c>.</summary>
    public string Factory { get; }

    /// <summary>The identifier, as written (a number for <c>ById</c>).</summary>
    public string Value { get; }

    /// <summary>Whether insights can name this owner (TE does not resolve insight owners by e-mail).</summary>
    public bool FitsInsights => Factory != "ByEmail";

    /// <summary>Reads <c>kind:value</c>; <c>null</c> when the text is not one of the four forms.</summary>
    public static OwnerSetting? Parse(string? text)
    {
        var colon = text?.IndexOf(':') ?? -1;
        if (colon <= 0)
        {
            return null;
        }

        var kind = text!.Substring(0, colon).Trim().ToLowerInvariant();
        var value = text.Substring(colon + 1).Trim();
        if (value.Length == 0)
        {
            return null;
        }

        switch (kind)
        {
            case "id":
                return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) ? new OwnerSetting("ById", value) : null;
            case "email":
                return new OwnerSetting("ByEmail", value);
            case "username":
                return new OwnerSetting("ByUsername", value);
            case "external_id":
                return new OwnerSetting("ByExternalId", value);
            default:
                return null;
        }
    }
}
