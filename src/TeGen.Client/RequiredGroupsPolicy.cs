namespace TeGen.Client;

/// <summary>What a contact create that lacks one of <see cref="TotalExpertClientOptions.RequiredContactGroups"/> does.</summary>
public enum RequiredGroupsPolicy
{
    /// <summary>The SDK adds the missing groups (by name) before sending.</summary>
    Add,

    /// <summary>The create is refused before sending with a <see cref="TotalExpertRequestValidationException"/> naming <c>contact_groups</c>.</summary>
    Refuse,
}
