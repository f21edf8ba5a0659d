using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using TeGen.Sandbox.Tests.Robustness;
using TeGen.Sandbox.Tests.Support;
using TeGen.Sandbox.Views;

namespace TeGen.Sandbox.Tests.ReadBack;

// What is created comes back with every member the spec documents for the collection and nothing else (less the
// members a view declares TE never returns, docs/te-api.md "Members TE never returns").
public sealed class ReadBackFidelityTests
{
    // Every collection the spec can read records of, with the operation that reads them.
    public static TheoryData<string, string> ReadOperations()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path, operation) in SpecOperations.All.Where(operation => operation.Method == "GET"))
        {
            var item = path.EndsWith('}');
            if (item || SpecOperations.ResponseMembers(operation, "200").Contains("items"))
            {
                data.Add(path, item ? "item" : "list");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadOperations))]
    public async Task A_stored_record_comes_back_with_exactly_the_documented_members(string path, string kind)
    {
        await using var api = await TestApi.StartAsync();
        var targets = await FuzzTargets.SeedAsync(api);
        var collection = kind == "item" ? path[..path.LastIndexOf('/')] : path;
        var target = kind == "item" ? $"{collection}/{targets.IdIn(collection)}" : path;
        var expected = Expected(collection);

        foreach (var token in (string[])[targets.AdminToken, targets.UserToken])
        {
            var reply = await api.GetAsync(target.TrimStart('/'), token);
            if (reply.Status == 403)
            {
                continue; // administrators only
            }

            var records = kind == "item" ? [reply.Expect(200).Object] : reply.Expect(200).Items.Select(item => item!.AsObject()).ToList();
            Assert.NotEmpty(records);
            Assert.All(records, record => Assert.Equal(expected, record.Select(member => member.Key).Order()));
        }
    }

    [Fact]
    public async Task Every_plain_text_member_of_a_contact_is_stored_and_returned()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var create = SpecOperations.Find("POST", "/v1/contacts")!;
        var texts = SpecOperations.TopMembers(create.RequestBody!.Content!["application/json"].Schema!)
            .Where(member => member.Schema.Type == JsonSchemaType.String && member.Schema.Format is null && member.Schema.Enum is not { Count: > 0 })
            .Select(member => member.Name)
            .Where(name => name != "do_not_contact")
            .ToList();
        var body = Bodies.Contact();
        foreach (var name in texts.Where(name => !body.ContainsKey(name)))
        {
            body[name] = $"v-{name}";
        }

        var id = await api.CreateAsync("v1/contacts", token, body);
        var contact = (await api.GetAsync($"v1/contacts/{id}", token)).Object;

        Assert.True(texts.Count > 30, $"only {texts.Count} text members");
        Assert.All(texts, name => Assert.Equal(body[name]!.GetValue<string>(), contact[name]?.GetValue<string>()));
    }

    [Fact]
    public async Task Contacts_return_classification_and_external_status_and_notes_no_private_flag()
    {
        await using var api = await TestApi.StartAsync();
        var targets = await FuzzTargets.SeedAsync(api);
        var id = await api.CreateAsync("v1/contacts", targets.AdminToken, Bodies.Contact("Di").With("external_status", new JsonObject { ["status_name"] = "Active" }));

        var contact = (await api.GetAsync($"v1/contacts/{id}", targets.AdminToken)).Object;
        var note = (await api.GetAsync($"v1/contact-notes/{targets.IdIn("/v1/contact-notes")}", targets.AdminToken)).Object;
        var response = (await api.GetAsync($"v1/contact-survey-responses/{targets.IdIn("/v1/contact-survey-responses")}", targets.AdminToken)).Object;

        Assert.Equal("""{"status_name":"Active"}""", contact["external_status"]!.ToJsonString());
        Assert.True(contact.ContainsKey("classification"));
        Assert.False(note.ContainsKey("is_private") || note.ContainsKey("created_on"));
        Assert.False(response.ContainsKey("owner"));
    }

    [Fact]
    public async Task As_user_related_user_ids_are_strings_as_admin_numbers()
    {
        await using var api = await TestApi.StartAsync();
        var user = await api.UserTokenAsync();
        var id = await api.CreateAsync("v1/contacts", user, Bodies.Contact(owner: null));

        Assert.Equal("\"101\"", (await api.GetAsync($"v1/contacts/{id}", user)).Object["owner"]!["id"]!.ToJsonString());
        Assert.Equal("101", (await api.GetAsync($"v1/contacts/{id}", await api.AdminTokenAsync())).Object["owner"]!["id"]!.ToJsonString());
    }

    private static List<string> Expected(string collection)
    {
        var read = SpecOperations.All.FirstOrDefault(operation => operation.Method == "GET" && operation.Path.StartsWith(collection + "/{", StringComparison.Ordinal));
        var members = read.Operation is { } item
            ? SpecOperations.ResponseMembers(item, "200")
            : SpecOperations.TopMembers(SpecOperations.All.First(operation => operation.Method == "GET" && operation.Path == collection).Operation
                .Responses!["200"].Content!["application/json"].Schema!).First(member => member.Name == "items").Schema.Items is { } items
                ? [.. SpecOperations.TopMembers(items).Select(member => member.Name).Distinct()]
                : [];
        return [.. members.Except(RecordViews.For(collection).Omitted).Order()];
    }
}
