using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class EntityTests
{
    private static JsonObject Household(string name, long head, long? spouse = null) => new()
    {
        ["entity_name"] = name,
        ["entity_type"] = Bodies.Ref("system_name", "household"),
        ["related_entities"] = new JsonArray(new JsonObject
        {
            ["relationship_type"] = Bodies.Ref("system_name", "head_of_household"),
            ["children"] = new JsonArray(Bodies.Ref("id", head)),
        }).With(spouse),
    };

    [Fact]
    public async Task A_household_is_created_with_a_string_id_read_listed_filtered_updated_and_deleted()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var ann = await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        var bob = await api.CreateAsync("v1/contacts", token, Bodies.Contact("Bob", "Lee", "bob.lee@example.test"));

        var id = (await api.PostAsync("v1/entities", token, Household("The Lee Household", ann))).Expect(201).HexId;
        await api.PostAsync("v1/entities", token, Household("The Ray Household", bob));
        (await api.PatchAsync($"v1/entities/{id}", token, Household("The Lees", ann, spouse: bob))).Expect(200);
        var entity = (await api.GetAsync($"v1/entities/{id}", token)).Expect(200).Object;

        Assert.Equal(id, entity["id"]!.GetValue<string>());
        Assert.Equal(("The Lees", "household"), (entity["entity_name"]!.GetValue<string>(), entity["entity_type"]!["system_name"]!.GetValue<string>()));
        Assert.Equal(["head_of_household", "spouse"], entity["related_entities"]!.AsArray().Select(r => r!["relationship_type"]!["system_name"]!.GetValue<string>()));
        Assert.Equal(bob, entity["related_entities"]![1]!["children"]![0]!["id"]!.GetValue<long>());
        Assert.Equal([id], (await api.GetAsync("v1/entities?filter=entity_name_contains=Lees", token)).Items.Select(item => item!["id"]!.GetValue<string>()));
        Assert.Equal(2, (await api.GetAsync("v1/entities?filter=entity_type=household", token)).Items.Count);
        Assert.Single((await api.GetAsync("v1/entities?page[size]=1&page[number]=2", token)).Items);
        Assert.Equal(3, (await api.GetAsync("v1/entity-relationship-types", token)).Expect(200).Items.Count);

        (await api.DeleteAsync($"v1/entities/{id}", token)).Expect(200);
        (await api.GetAsync($"v1/entities/{id}", token)).Expect(404);
        (await api.GetAsync($"v1/contacts/{ann}", token)).Expect(200);
    }

    [Fact]
    public async Task An_entity_needs_a_known_type_relationship_types_and_contacts_and_is_for_admins_only()
    {
        await using var api = await TestApi.StartAsync(options => options.EntityTypes = ["household", "business"]);
        var token = await api.AdminTokenAsync();
        var ann = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        (await api.PostAsync("v1/entities", token, Household("X", ann).Without("entity_type"))).ExpectError(422, "'entity_type'");
        (await api.PostAsync("v1/entities", token, Household("X", ann).With("entity_type", Bodies.Ref("system_name", "tribe")))).ExpectRelationship("entity_type");
        (await api.PostAsync("v1/entities", token, Household("X", ann).With("entity_type", Bodies.Ref("system_name", "Business")))).Expect(201);
        var unknownType = Household("X", ann);
        unknownType["related_entities"]![0]!["relationship_type"] = Bodies.Ref("system_name", "cousin");
        (await api.PostAsync("v1/entities", token, unknownType)).ExpectRelationship("relationship_type");
        (await api.PostAsync("v1/entities", token, Household("X", 999999))).ExpectRelationship("children");
        (await api.PostAsync("v1/entities", await api.UserTokenAsync(), Household("X", ann))).Expect(403);
        (await api.GetAsync("v1/entity-relationship-types", await api.UserTokenAsync())).Expect(403);
    }
}

internal static class HouseholdBodies
{
    // Adds a spouse relationship to a household's related_entities.
    public static JsonArray With(this JsonArray related, long? spouse)
    {
        if (spouse is { } id)
        {
            related.Add(new JsonObject { ["relationship_type"] = Bodies.Ref("system_name", "spouse"), ["children"] = new JsonArray(Bodies.Ref("id", id)) });
        }

        return related;
    }
}
