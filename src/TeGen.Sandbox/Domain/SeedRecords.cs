using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// What TE provisions for an organization, as records of the collections that serve it read-only: users, insight
// types, custom field definitions. A reset keeps them.
internal static class SeedRecords
{
    public static void Load(TeState state)
    {
        foreach (var org in state.Tenants.Organizations)
        {
            foreach (var user in org.Users)
            {
                Add(state, org, "/v1/users", user.Id.ToString(CultureInfo.InvariantCulture), new JsonObject
                {
                    ["email"] = user.Email,
                    ["external_id"] = user.ExternalId,
                    ["username"] = user.Username,
                    ["type"] = user.Type,
                    ["status"] = user.Status,
                    ["info"] = new JsonObject { ["first_name"] = user.FirstName, ["last_name"] = user.LastName },
                    ["role"] = new JsonObject { ["role_name"] = user.RoleName },
                });
            }

            foreach (var type in org.InsightTypes)
            {
                Add(state, org, "/v1/insight-types", type.Id.ToString(CultureInfo.InvariantCulture), new JsonObject
                {
                    ["type"] = type.Type,
                    ["description"] = type.Description,
                    ["expiration_interval"] = type.ExpirationInterval,
                });
            }

            foreach (var field in org.CustomFields)
            {
                Add(state, org, "/v1/schema/custom-fields", null, new JsonObject
                {
                    ["system_name"] = field.SystemName,
                    ["display_name"] = field.DisplayName,
                    ["data_type"] = field.DataType,
                    ["related_entity"] = new JsonObject { ["entity_type"] = field.EntityType, ["entity_subtype"] = field.EntitySubtype },
                    ["account_class"] = field.AccountClassName is null && field.AccountClassType is null
                        ? null
                        : new JsonObject { ["class_name"] = field.AccountClassName, ["class_type"] = field.AccountClassType },
                });
            }
        }
    }

    private static void Add(TeState state, SandboxOrganization org, string collection, string? id, JsonObject members)
    {
        var table = state.Store.Collection(collection);
        state.Store.MarkSeeded(collection);
        var row = new GenericRecord { Id = id ?? table.NextId().ToString(CultureInfo.InvariantCulture), NumericId = id is not null };
        row.Place(org.Name, state.Store.NextSeq(), state.StartedAt);
        foreach (var (name, value) in members)
        {
            row.Fields[name] = value?.DeepClone();
        }

        table.Add(row);
    }
}
