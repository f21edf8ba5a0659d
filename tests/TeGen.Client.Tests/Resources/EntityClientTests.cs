using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>Entities (households) through the generated admin client, against a sandbox over loopback.</summary>
public class EntityClientTests
{
    private static NewEntity Household(string name, long head) => new()
    {
        EntityName = name,
        EntityType = new EntityTypeRef { SystemName = "household" },
        RelatedEntities = [new EntityRelationship { RelationshipType = new EntityRelationshipTypeRef { SystemName = "head_of_household" }, Children = [new ContactRef { Id = head }] }],
    };

    [Fact]
    public async Task A_household_with_a_string_id_is_created_read_updated_listed_and_deleted()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var ann = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));
        var bob = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 2));

        var lees = await admin.Entities.CreateEntityAsync(Household("The Lee Household", ann.Id));
        await admin.Entities.CreateEntityAsync(Household("The Ray Household", bob.Id));
        await admin.Entities.UpdateEntityAsync(new EntityUpdate
        {
            EntityName = "The Lees",
            RelatedEntities =
            [
                new EntityRelationship { RelationshipType = new EntityRelationshipTypeRef { SystemName = "head_of_household" }, Children = [new ContactRef { Id = ann.Id }] },
                new EntityRelationship { RelationshipType = new EntityRelationshipTypeRef { SystemName = "spouse" }, Children = [new ContactRef { Id = bob.Id }] },
            ],
        }, lees.Id);
        var entity = await admin.Entities.GetEntityAsync(lees.Id);
        var types = await admin.EntityRelationshipTypes.ListAllEntityRelationshipTypesAsync().Select(t => t.SystemName).ToListAsync();

        Assert.Equal(lees.Id, entity.Id);
        Assert.Equal(("The Lees", "household"), (entity.EntityName, entity.EntityType!.SystemName));
        Assert.Equal(bob.Id, entity.RelatedEntities!.Last().Children!.Single().Id);
        Assert.Equal([lees.Id], await admin.Entities.ListAllEntitiesAsync(new EntityFilter { EntityNameContains = "Lees" }).Select(e => e.Id).ToListAsync());
        Assert.Equal(2, await admin.Entities.ListAllEntitiesAsync(pageSize: 1).CountAsync());
        Assert.Contains("spouse", types);
        await admin.Entities.DeleteEntityAsync(lees.Id);
        await Assert.ThrowsAsync<TotalExpertNotFoundException>(() => admin.Entities.GetEntityAsync(lees.Id));
    }

    [Fact]
    public async Task An_entity_without_its_type_is_not_sent_and_an_unknown_type_is_TEs_422()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var ann = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));
        var untyped = Household("X", ann.Id);
        untyped.EntityType = null;

        await RequestLog.RefusedAsync(sandbox, "entity_type", () => admin.Entities.CreateEntityAsync(untyped));
        var unknown = Household("X", ann.Id);
        unknown.EntityType = new EntityTypeRef { SystemName = "tribe" };
        await Assert.ThrowsAsync<TotalExpertValidationException>(() => admin.Entities.CreateEntityAsync(unknown));
    }
}
