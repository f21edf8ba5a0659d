using System.IO.Compression;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>Users, roles, permissions and user images through the generated admin client, against a sandbox over loopback.</summary>
public class UserAccessClientTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private static NewUser User(string email) => new()
    {
        Email = email,
        Type = UserType.Lender,
        ExternalId = "EMP-2001",
        Info = new UserInfo { FirstName = "Pat", LastName = "Quinn" },
        Role = new UserRoleRef { RoleName = "Loan Officer" },
        Licenses = [new UserLicense { LicenseName = "MN", Content = "LIC 1" }],
    };

    [Fact]
    public async Task A_user_is_created_deduplicated_by_email_updated_and_read_with_its_role_and_teams()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var team = await admin.Teams.CreateTeamAsync(new NewTeam { TeamName = "North" });

        var created = await admin.Users.CreateUserAsync(User("pat.quinn@acme.example"));
        var again = await admin.Users.CreateUserAsync(User("Pat.Quinn@acme.example"));
        await admin.Users.UpdateUserAsync(new UserUpdate { Status = 0, Teams = [new TeamRef { Id = team.Id }], RemoveLicenses = [new UserLicense { LicenseName = "MN" }] }, created.Id);
        var user = await admin.Users.GetUserAsync(created.Id);

        Assert.True(again.IsDuplicate);
        Assert.Equal(created.Id, again.Id);
        Assert.Equal(("pat-quinn-acme", 0, "Loan Officer"), (user.Username, user.Status, user.Role!.RoleName));
        Assert.Equal("North", Assert.Single(user.Teams!).TeamName);
        Assert.Empty(user.Licenses!);
        Assert.Equal(created.Id, (await admin.Users.ListAllUsersAsync(new UserFilter { Username = "pat-quinn-acme" }).SingleAsync()).Id);
        var changed = await Assert.ThrowsAsync<TotalExpertValidationException>(() => admin.Users.UpdateUserAsync(new UserUpdate { Email = "other@acme.example" }, created.Id));
        Assert.Contains("email", changed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_without_what_TE_requires_is_not_sent()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var user = User("pat.quinn@acme.example");
        user.Role = null;

        await RequestLog.RefusedAsync(sandbox, "role", () => admin.Users.CreateUserAsync(user));
        await RequestLog.RefusedAsync(sandbox, "email", () => admin.Users.CreateUserAsync(new NewUser { Type = UserType.Lender, Info = new UserInfo(), Role = new UserRoleRef { Id = 1 } }));
    }

    [Fact]
    public async Task Roles_their_permissions_and_permissions_are_read_page_by_page()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var roles = await admin.UserRoles.ListAllUserRolesAsync(pageSize: 2).ToListAsync();
        var officer = await admin.UserRoles.ListAllUserRolesAsync(new UserRoleFilter { RoleName = "Loan Officer" }).SingleAsync();
        var grants = await admin.UserRoles.GetRolePermissionsAsync(officer.Id!.Value);
        var permissions = await admin.Permissions.ListAllPermissionsAsync().ToListAsync();
        var sendEmail = await admin.Permissions.GetPermissionAsync(permissions.Single(p => p.PermissionName == "send_email").Id!.Value);

        Assert.Equal(3, roles.Count);
        Assert.Equal("Loan Officer", (await admin.UserRoles.GetUserRoleAsync(officer.Id.Value)).RoleName);
        Assert.Equal(["view_contacts", "edit_contacts", "send_email"], grants.Permissions!.Select(p => p.PermissionName));
        Assert.Equal("send_email", sendEmail.PermissionName);
    }

    [Fact]
    public async Task An_image_is_uploaded_for_a_user_from_a_seekable_or_a_streamed_body()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var stored = await admin.Users.UploadUserImageAsync(sandbox.Users[0].Id, new FileParameter(new MemoryStream(Png), "me.png", "image/png"));
        await using var streamed = new GZipStream(new MemoryStream(Compressed(Png)), CompressionMode.Decompress);
        var again = await admin.Users.UploadUserImageAsync(sandbox.Users[0].Id, new FileParameter(streamed, "me.png", "image/png"));

        Assert.EndsWith(".png", stored.Url, StringComparison.Ordinal);
        Assert.NotEqual(stored.Url, again.Url);
        var mismatch = await Assert.ThrowsAsync<TotalExpertValidationException>(() => admin.Users.UploadUserImageAsync(sandbox.Users[0].Id, new FileParameter(new MemoryStream(Png), "me.jpg", "image/jpeg")));
        Assert.Contains("does not match", mismatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_without_a_content_type_goes_with_the_one_its_name_or_bytes_show_and_is_refused_unsent_when_none_does()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        var id = sandbox.Users[0].Id;

        var fromBytes = await admin.Users.UploadUserImageAsync(id, new FileParameter(new MemoryStream(Png)));
        var fromName = await admin.Users.UploadUserImageAsync(id, new FileParameter(new MemoryStream(jpeg), "portrait.JPG"));
        await using var streamed = new GZipStream(new MemoryStream(Compressed(Png)), CompressionMode.Decompress);
        var fromStream = await admin.Users.UploadUserImageAsync(id, new FileParameter(streamed));
        var positioned = new MemoryStream([0, 0, .. jpeg]) { Position = 2 };
        var fromPosition = await admin.Users.UploadUserImageAsync(id, new FileParameter(positioned, "upload.bin"));

        Assert.EndsWith(".png", fromBytes.Url, StringComparison.Ordinal);
        Assert.EndsWith(".jpeg", fromName.Url, StringComparison.Ordinal);
        Assert.EndsWith(".png", fromStream.Url, StringComparison.Ordinal);
        Assert.EndsWith(".jpeg", fromPosition.Url, StringComparison.Ordinal);

        var unknown = await RequestLog.RefusedAsync(sandbox, "body", () => admin.Users.UploadUserImageAsync(id, new FileParameter(new MemoryStream([1, 2, 3]), "notes.txt")));
        Assert.Contains("no content type", unknown.Message, StringComparison.Ordinal);
        var invalid = await RequestLog.RefusedAsync(sandbox, "body", () => admin.Users.UploadUserImageAsync(id, new FileParameter(new MemoryStream(Png), "me.png", "png")));
        Assert.Contains("'png' is not a media type", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_over_5_MB_is_refused_before_sending_whether_its_length_is_known_or_not()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var large = new byte[(5 * 1024 * 1024) + 1];
        Png.CopyTo(large, 0);

        var known = await RequestLog.RefusedAsync(sandbox, "body", () => admin.Users.UploadUserImageAsync(101, new FileParameter(new MemoryStream(large), "big.png", "image/png")));
        await using var streamed = new GZipStream(new MemoryStream(Compressed(large)), CompressionMode.Decompress);
        var unknown = await RequestLog.RefusedAsync(sandbox, "body", () => admin.Users.UploadUserImageAsync(101, new FileParameter(streamed, "big.png", "image/png")));

        Assert.Contains("5 MB", known.Message, StringComparison.Ordinal);
        Assert.Contains("5242881 bytes", known.Message, StringComparison.Ordinal);
        Assert.Contains("5 MB", unknown.Message, StringComparison.Ordinal);
    }

    private static byte[] Compressed(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            zip.Write(data);
        }

        return buffer.ToArray();
    }
}
