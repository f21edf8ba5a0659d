using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Tenancy;

/// <summary>A sandbox seeded with <see cref="SandboxOrganization.Many"/>(5), as a partner serving five organizations sees TE.</summary>
internal static class FiveOrganizations
{
    public static Task<TestApi> StartAsync(Action<TeSandboxOptions>? configure = null) =>
        TestApi.StartAsync(options =>
        {
            options.Organizations = SandboxOrganization.Many(5);
            configure?.Invoke(options);
        });

    public static IEnumerable<string> Ids(this Reply list) => list.Expect(200).Items.Select(item => item!["id"]!.ToString());

    public static string Member(this JsonNode? item, string member) => item![member]!.ToString();
}
