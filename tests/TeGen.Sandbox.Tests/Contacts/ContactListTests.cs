using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Contacts;

public sealed class ContactListTests
{
    [Fact]
    public async Task Pages_default_to_10_items_with_page_number_links()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.SeedContactsAsync(25);

        var first = (await api.GetAsync("v1/contacts", token)).Expect(200);
        var last = (await api.GetAsync("v1/contacts?page[number]=3", token)).Expect(200);

        Assert.Equal(10, first.Items.Count);
        Assert.Equal("""{"first":1,"last":3,"next":2,"prev":null}""", first.Links.ToJsonString());
        Assert.Equal(5, last.Items.Count);
        Assert.Equal("""{"first":1,"last":3,"next":null,"prev":2}""", last.Links.ToJsonString());
        Assert.Equal(21, last.Items[0]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Page_size_and_number_select_the_items_and_the_brackets_may_be_percent_encoded()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.SeedContactsAsync(12);

        var page = (await api.GetAsync("v1/contacts?page%5Bsize%5D=5&page%5Bnumber%5D=2", token)).Expect(200);

        Assert.Equal([6L, 7, 8, 9, 10], page.Items.Select(item => item!["id"]!.GetValue<long>()));
        Assert.Equal("""{"first":1,"last":3,"next":3,"prev":1}""", page.Links.ToJsonString());
    }

    [Fact]
    public async Task Page_size_is_capped_at_100()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.SeedContactsAsync(101);

        var page = (await api.GetAsync("v1/contacts?page[size]=150", token)).Expect(200);

        Assert.Equal(100, page.Items.Count);
        Assert.Equal(2, page.Links["last"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_oversized_page_can_be_refused_instead()
    {
        await using var api = await TestApi.StartAsync(options => options.RejectOversizedPages = true);

        (await api.GetAsync("v1/contacts?page[size]=101", await api.AdminTokenAsync())).ExpectError(400, "page[size]");
    }

    [Fact]
    public async Task A_page_past_the_last_is_empty_or_refused_as_configured()
    {
        await using var lenient = await TestApi.StartAsync();
        await using var strict = await TestApi.StartAsync(options => options.RejectOutOfRangePages = true);

        var empty = (await lenient.GetAsync("v1/contacts?page[number]=4", await lenient.SeedContactsAsync(3))).Expect(200);

        Assert.Empty(empty.Items);
        Assert.Equal("""{"first":1,"last":1,"next":null,"prev":1}""", empty.Links.ToJsonString());
        (await strict.GetAsync("v1/contacts?page[number]=4", await strict.SeedContactsAsync(3))).Expect(422);
    }

    [Theory]
    [InlineData("page[number]=0")]
    [InlineData("page[size]=abc")]
    [InlineData("filter=first_name")]
    [InlineData("filter=nonsense=1")]
    [InlineData("sort=owner")]
    [InlineData("filter=first_name_contains=An")]
    [InlineData("filter=internal_updated_at_start=yesterday")]
    public async Task Invalid_paging_filter_or_sort_parameters_get_400(string query)
    {
        await using var api = await TestApi.StartAsync();

        Assert.NotNull((await api.GetAsync($"v1/contacts?{query}", await api.AdminTokenAsync())).Expect(400).Error);
    }

    [Fact]
    public async Task Unknown_filter_and_sort_fields_can_be_ignored_instead()
    {
        await using var api = await TestApi.StartAsync(options => options.RejectUnknownQueryFields = false);
        var token = await api.SeedContactsAsync(2);

        Assert.Equal(2, (await api.GetAsync("v1/contacts?filter=nonsense=1&sort=owner", token)).Expect(200).Items.Count);
    }

    [Fact]
    public async Task Filters_are_anded_and_cover_the_documented_fields()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var group = await api.CreateAsync("v1/contact-groups", token, new JsonObject { ["group_name"] = "Won", ["owner"] = Bodies.Ref("id", 102) });
        var ann = await api.CreateAsync("v1/contacts", token, Bodies.Contact("Ann", "Lee", "ann@alpha.test").With("phone_cell", "(612) 555-0101").With("external_id", "X-1"));
        var bob = await api.CreateAsync("v1/contacts", token, Bodies.Contact("Bob", "Lee", "bob@beta.test", owner: "john-smith-acme")
            .With("source", "LendingTree").With("contact_groups", JsonNode.Parse("""[{"group_name":"Won"}]""")));

        async Task<long[]> Ids(string filter) =>
            [.. (await api.GetAsync($"v1/contacts?filter={Uri.EscapeDataString(filter)}", token)).Expect(200).Items.Select(item => item!["id"]!.GetValue<long>())];

        Assert.Equal([ann, bob], await Ids("last_name=lee"));
        Assert.Equal([bob], await Ids("last_name=Lee,source=LendingTree"));
        Assert.Equal([ann], await Ids("first_name_contains=Ann,email_contains=alpha"));
        Assert.Equal([bob], await Ids("last_name_contains=lee,first_name_contains=bob"));
        Assert.Equal([ann], await Ids("phone_cell=6125550101"));
        Assert.Equal([ann], await Ids("external_id=X-1"));
        Assert.Equal([bob], await Ids("owner_username=john-smith-acme"));
        Assert.Equal([ann], await Ids("owner_id=101"));
        Assert.Equal([ann], await Ids("owner_email=jane.doe@acme.example"));
        Assert.Equal([bob], await Ids("owner_external_id=EMP-1002"));
        Assert.Equal([bob], await Ids($"group_id={group}"));
        Assert.Equal([bob], await Ids("group_name=Won"));
        Assert.Equal([ann], await Ids("email=ANN@alpha.test"));
        Assert.Equal([ann, bob], await Ids("archieved=0"));
        Assert.Empty(await Ids("archieved=1"));
    }

    [Fact]
    public async Task Updated_at_ranges_use_iso_8601_and_are_inclusive()
    {
        var clock = TestClock.At8();
        await using var api = await TestApi.StartAsync(options => options.TimeProvider = clock);
        var token = await api.AdminTokenAsync();
        var early = await api.CreateAsync("v1/contacts", token, Bodies.Contact("Early"));
        clock.Advance(TimeSpan.FromMinutes(30));
        var late = await api.CreateAsync("v1/contacts", token, Bodies.Contact("Late"));

        var from = (await api.GetAsync("v1/contacts?filter=internal_updated_at_start=2030-01-01T08:30:00Z", token)).Expect(200);
        var until = (await api.GetAsync("v1/contacts?filter=internal_updated_at_end=2030-01-01T08:00:00Z", token)).Expect(200);

        Assert.Equal(late, Assert.Single(from.Items)!["id"]!.GetValue<long>());
        Assert.Equal(early, Assert.Single(until.Items)!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Sort_orders_by_attributes_with_a_minus_for_descending()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        foreach (var (first, last) in new[] { ("Cy", "Bo"), ("Al", "Bo"), ("Di", "Ax") })
        {
            await api.CreateAsync("v1/contacts", token, Bodies.Contact(first, last, $"{first}@example.test"));
        }

        async Task<string[]> Names(string sort) =>
            [.. (await api.GetAsync($"v1/contacts?sort={sort}", token)).Expect(200).Items.Select(item => item!["first_name"]!.GetValue<string>())];

        Assert.Equal(["Di", "Al", "Cy"], await Names("last_name,first_name"));
        Assert.Equal(["Di", "Cy", "Al"], await Names("last_name,-first_name"));
        Assert.Equal(["Di", "Al", "Cy"], await Names("-id"));
    }

    [Fact]
    public async Task The_envelope_key_is_items_or_objects_as_configured()
    {
        await using var api = await TestApi.StartAsync(options => options.PageEnvelope = PageEnvelope.Objects);
        var token = await api.SeedContactsAsync(1);

        var page = (await api.GetAsync("v1/contacts", token)).Expect(200).Object;

        Assert.Single(page["objects"]!.AsArray());
        Assert.False(page.ContainsKey("items"));
        Assert.Equal(PageEnvelope.Items, new TeSandboxOptions().PageEnvelope);
    }
}
