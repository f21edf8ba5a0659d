using TeGen.Client;
using TeGen.Tool.Json;

namespace TeGen.Tool.Import;

/// <summary>
/// The TE fields a column can fill: every scalar member of a contact create (read from the SDK's <see cref="NewContact"/>,
/// so a spec change reaches the tool), plus the owner and the contact's groups, which the tool builds itself.
/// </summary>
internal static class ImportFields
{
    public const string Owner = "owner";
    public const string OwnerId = "owner_id";
    public const string OwnerEmail = "owner_email";
    public const string OwnerUsername = "owner_username";
    public const string OwnerExternalId = "owner_external_id";
    public const string Groups = "contact_groups";

    /// <summary>Scalar members of <see cref="NewContact"/> by JSON name.</summary>
    public static IReadOnlySet<string> Scalar { get; } = JsonMembers.Of(typeof(NewContact))
        .Where(member => member.Key != "id" && IsScalar(member.Value.PropertyType))
        .Select(member => member.Key)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every field a column may name.</summary>
    public static IReadOnlySet<string> All { get; } =
        Scalar.Concat([Owner, OwnerId, OwnerEmail, OwnerUsername, OwnerExternalId, Groups]).ToHashSet(StringComparer.Ordinal);

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t.IsPrimitive || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t.IsEnum || t == typeof(decimal);
    }
}
