using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class UserWriteTests
{
    private static JsonObject User(string email = "Pat.Quinn@acme.example") => new()
    {
        ["email"] = email,
        ["type"] = "Lender",
        ["external_id"] = "EMP-2001",
        ["info"] = new JsonObject { ["first_name"] = "Pat", ["last_name"] = "Quinn" },
        ["role"] = Bodies.Ref("role_name", "Loan Officer"),
        ["licenses"] = new JsonArray(new JsonObject { ["license_name"] = "MN", ["content"] = "LIC 1" }),
    };

    [Fact]
    public async Task A_user_is_created_with_a_username_from_its_email_deduplicated_by_email_updated_and_never_deleted()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var team = await api.CreateAsync("v1/teams", token, new JsonObject { ["team_name"] = "North" });

        var id = await api.CreateAsync("v1/users", token, User().With("teams", new JsonArray(Bodies.Ref("team_name", "North"))));
        var again = (await api.PostAsync("v1/users", token, User("pat.quinn@ACME.example").With("type", "Realtor"))).Expect(200);
        (await api.PatchAsync($"v1/users/{id}", token, new JsonObject
        {
            ["status"] = 0,
            ["licenses"] = new JsonArray(new JsonObject { ["license_name"] = "WI", ["content"] = "LIC 2" }),
            ["remove_licenses"] = new JsonArray(Bodies.Ref("license_name", "MN")),
            ["remove_teams"] = new JsonArray(Bodies.Ref("id", team)),
        })).Expect(200);
        var user = (await api.GetAsync($"v1/users/{id}", token)).Expect(200).Object;

        Assert.Equal(id, again.Json!["id"]!.GetValue<long>());
        Assert.Equal("pat-quinn-acme", user["username"]!.GetValue<string>());
        Assert.Equal(("Realtor", 0), (user["type"]!.GetValue<string>(), user["status"]!.GetValue<int>()));
        Assert.Equal("Loan Officer", user["role"]!["role_name"]!.GetValue<string>());
        Assert.Equal("WI", Assert.Single(user["licenses"]!.AsArray())!["license_name"]!.GetValue<string>());
        Assert.Empty(user["teams"]!.AsArray());
        Assert.Equal([id], (await api.GetAsync("v1/users?filter=username=pat-quinn-acme", token)).Items.Select(item => item!["id"]!.GetValue<long>()));
        Assert.Equal(2, (await api.GetAsync("v1/users?page[size]=2&page[number]=2", token)).Expect(200).Items.Count);
        (await api.DeleteAsync($"v1/users/{id}", token)).Expect(405);
    }

    [Fact]
    public async Task TEs_user_rules_are_refused()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/users", token, User());

        (await api.PostAsync("v1/users", token, User("x@acme.example").Without("role"))).ExpectError(422, "'role'");
        (await api.PostAsync("v1/users", token, User("y@acme.example").Without("info"))).ExpectError(422, "'info'");
        (await api.PostAsync("v1/users", token, User("z@acme.example").With("external_id", "EMP-9").With("role", Bodies.Ref("role_name", "Astronaut")))).ExpectRelationship("role");
        (await api.PostAsync("v1/users", token, User("w@acme.example").With("external_id", "EMP-8").With("teams", new JsonArray(Bodies.Ref("team_name", "Nowhere"))))).ExpectRelationship("teams");
        (await api.PatchAsync($"v1/users/{id}", token, new JsonObject { ["email"] = "other@acme.example" })).ExpectError(422, "'email'");
        (await api.PostAsync("v1/users", await api.UserTokenAsync(), User("v@acme.example"))).Expect(403);
    }

    [Fact]
    public async Task Roles_permissions_and_the_permissions_of_a_role_are_read_by_admins_only()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        var roles = (await api.GetAsync("v1/user-roles", token)).Expect(200).Items;
        var officer = Assert.Single((await api.GetAsync("v1/user-roles?filter=role_name=Loan Officer", token)).Items)!["id"]!.GetValue<long>();
        var grants = (await api.GetAsync($"v1/role-permissions/{officer}", token)).Expect(200).Object;
        var permission = Assert.Single((await api.GetAsync("v1/permissions?filter=permission_name=send_email", token)).Expect(200).Items)!["id"]!.GetValue<long>();

        Assert.Equal(3, roles.Count);
        Assert.Equal("Loan Officer", (await api.GetAsync($"v1/user-roles/{officer}", token)).Expect(200).Text("role_name"));
        Assert.Contains("send_email", grants["permissions"]!.AsArray().Select(item => item!["permission_name"]!.GetValue<string>()));
        Assert.Equal("send_email", (await api.GetAsync($"v1/permissions/{permission}", token)).Expect(200).Text("permission_name"));
        (await api.GetAsync("v1/user-roles/999", token)).Expect(404);
        var user = await api.UserTokenAsync();
        (await api.GetAsync("v1/user-roles", user)).Expect(403);
        (await api.GetAsync("v1/permissions", user)).Expect(403);
        (await api.GetAsync($"v1/role-permissions/{officer}", user)).Expect(403);
    }

    [Fact]
    public async Task An_image_is_stored_for_the_user_the_header_names_when_its_bytes_match_its_type_and_it_fits_in_5_MB()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

        var stored = (await Upload(api, token, png, "image/png", "101")).Expect(201);
        Assert.EndsWith(".png", stored.Text("url"), StringComparison.Ordinal);
        (await Upload(api, token, png, "image/jpeg", "101")).ExpectError(422, "does not match");
        (await Upload(api, token, [.. png, .. new byte[5 * 1024 * 1024]], "image/png", "101")).ExpectError(422, "5 MB");
        (await Upload(api, token, png, "image/png", "999")).Expect(404);
        (await Upload(api, token, png, "image/png", null)).ExpectError(422, "X-User-Id");
        (await Upload(api, await api.UserTokenAsync(), png, "image/png", "101")).Expect(403);
    }

    private static async Task<Reply> Upload(TestApi api, string token, byte[] image, string type, string? userId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/user-images") { Content = new ByteArrayContent(image) };
        request.Content.Headers.ContentType = new(type);
        request.Headers.Authorization = new("Bearer", token);
        if (userId is not null)
        {
            request.Headers.Add("X-User-Id", userId);
        }

        using var response = await api.Http.SendAsync(request);
        return await Reply.ReadAsync(response);
    }
}
