using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests;

/// <summary>The client suite's sandboxes are strict, so every request the SDK sends in these tests is checked against the spec.</summary>
public class StrictModeTests
{
    [Fact]
    public void Sandboxes_started_by_the_client_tests_are_strict() => Assert.True(new TeSandboxOptions().StrictRequestMembers);

    [Fact]
    public async Task A_member_outside_the_spec_is_refused_by_the_suite_s_sandboxes()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var contact = SandboxClients.Contact(sandbox, 1);
        contact.AdditionalProperties["favourite_colour"] = "blue"; // not a TE contact field

        var e = await Assert.ThrowsAsync<TotalExpertValidationException>(() => connection.CreateAdminClient().Contacts.CreateContactAsync(contact));

        Assert.Contains("favourite_colour", e.Message);
    }
}
