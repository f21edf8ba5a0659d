using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace TeGen.Client.Partners;

/// <summary>
/// An organization's settings: the partner's, with the organization's own section bound over them. A list the
/// organization's section gives (its scopes, its required contact groups) replaces the partner's instead of being
/// appended to it, as configuration binding would otherwise do.
/// </summary>
internal static class OrganizationSettings
{
    /// <summary>The partner's settings from its section (its <c>Organizations</c> children name no setting and are ignored).</summary>
    public static TotalExpertClientOptions Partner(IConfiguration partnerSection)
    {
        var options = new TotalExpertClientOptions();
        partnerSection.Bind(options);
        return options;
    }

    /// <summary>Binds an organization's section over the partner's settings.</summary>
    public static TotalExpertClientOptions Over(TotalExpertClientOptions partner, IConfiguration organizationSection)
    {
        ClearListsGiven(partner, organizationSection);
        organizationSection.Bind(partner);
        return partner;
    }

    // Every list-valued setting the section gives a value for starts empty, so the section's list is the whole list.
    private static void ClearListsGiven(object target, IConfiguration section)
    {
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p is { CanRead: true, CanWrite: true }))
        {
            var given = section.GetSection(property.Name);
            if (!given.GetChildren().Any())
            {
                continue;
            }

            if (property.PropertyType == typeof(IList<string>))
            {
                property.SetValue(target, new List<string>());
            }
            else if (property.PropertyType.IsClass && property.PropertyType != typeof(string) && property.GetValue(target) is { } group)
            {
                ClearListsGiven(group, given);
            }
        }
    }
}
