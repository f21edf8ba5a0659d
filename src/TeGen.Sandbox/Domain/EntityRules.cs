using System.Text.Json.Nodes;
using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/entities (organization administrators only): households and the like, with string ids as in TE's examples. The
// entity_type must be one the organization has (TeSandboxOptions.EntityTypes); each of related_entities names a
// relationship type of /v1/entity-relationship-types and, as children, contacts the caller sees (422 for the
// relationship otherwise). An update's related_entities replaces the stored ones. Never deduplicated (TE documents
// no uniqueness set); a deleted entity leaves its contacts.
internal sealed class EntityRules(Shape? item) : RecordResource("/v1/entities", item)
{
    public override bool AdminOnly => true;

    public override ListSpec Filters => field ??= ListSpec.From(Item).Nested("entity_type", "entity_type", "system_name");

    public override TeReply Create(TeCall call)
    {
        var entity = call.New(new GenericRecord { Id = SandboxStore.NewHexId(9), NumericId = false });
        Attributes.Assign(entity, Values(call));
        return Created(call, entity);
    }

    protected override TeReply Change(TeCall call, GenericRecord entity)
    {
        Attributes.Assign(entity, Values(call));
        return TeReply.EmptyArray();
    }

    private Dictionary<string, JsonNode?> Values(TeCall call)
    {
        var values = PlainMembers(call.Body, ["entity_type", "related_entities"]);
        if (call.Body["entity_type"] is { } type)
        {
            var name = call.Options.EntityTypes.FirstOrDefault(known => Formats.TeValues.SameText(known, Formats.TeValues.Text(type["system_name"])));
            values["entity_type"] = new JsonObject { ["system_name"] = name ?? throw TeErrors.Relationship("entity_type") };
        }

        if (OrganizationRefs.Each(call.Body["related_entities"], node => Relationship(call, node)) is { } related)
        {
            values["related_entities"] = related;
        }

        return values;
    }

    private static JsonObject Relationship(TeCall call, JsonNode? node)
    {
        var contacts = ContactRules.SeenBy(call).ToList();
        return new JsonObject
        {
            ["relationship_type"] = OrganizationRefs.Named(call, "/v1/entity-relationship-types", node?["relationship_type"], "relationship_type", "system_name"),
            ["children"] = OrganizationRefs.Each(node?["children"], child => new JsonObject { ["id"] = ContactMatcher.Resolve(child, contacts, "children").Id }) ?? [],
        };
    }
}
