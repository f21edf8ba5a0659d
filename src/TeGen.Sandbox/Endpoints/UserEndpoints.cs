using System.Text.Json.Nodes;
using TeGen.Sandbox.Hosting;
using TeGen.Sandbox.Te;

namespace TeGen.Sandbox.Endpoints;

// /v1/users (facts §11) and /v1/schema/custom-fields (facts §12): organization administrators only.
internal static class UserEndpoints
{
    private static readonly ListSpec UserSpec = new ListSpec()
        .Range("internal_updated_at")
        .Equal("email", "username", "status", "external_id")
        .Sortable(["id", "email", "username", "external_id", "type", "status", "internal_created_at", "internal_updated_at"]);

    private static readonly ListSpec SchemaSpec = new ListSpec()
        .Range("internal_updated_at", "internal_created_at")
        .Equal("system_name")
        .Nested("related_entity_type", "related_entity", "entity_type")
        .Nested("account_class_name", "account_class", "class_name")
        .Nested("account_class_type", "account_class", "class_type")
        .Sortable(["system_name", "display_name", "data_type", "internal_created_at", "internal_updated_at"]);

    public static void Map(IEndpointRouteBuilder app, SandboxRuntime runtime)
    {
        app.MapTe(runtime, "GET", "/v1/users", call => Listing.Page(call, call.Org.Users.Select(user => Render(user, call.Runtime)), UserSpec), adminOnly: true);
        app.MapTe(runtime, "GET", "/v1/users/{user_id:long}", call =>
        {
            var user = call.Org.Users.FirstOrDefault(candidate => candidate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == call.RouteKey("user_id"));
            return TeReply.Ok(Render(user ?? throw call.NotFound(), call.Runtime));
        }, adminOnly: true);
        app.MapTe(runtime, "GET", "/v1/schema/custom-fields", call => Listing.Page(call, call.Org.CustomFields.Select(field => Render(field, call.Runtime)), SchemaSpec), adminOnly: true);
    }

    private static JsonObject Render(SandboxUser user, SandboxRuntime runtime) => new()
    {
        ["id"] = user.Id,
        ["email"] = user.Email,
        ["external_id"] = user.ExternalId,
        ["username"] = user.Username,
        ["type"] = user.Type,
        ["status"] = user.Status,
        ["info"] = new JsonObject { ["first_name"] = user.FirstName, ["last_name"] = user.LastName },
        ["role"] = new JsonObject { ["role_name"] = user.RoleName },
        ["internal_created_at"] = View.Date(runtime.StartedAt),
        ["internal_updated_at"] = View.Date(runtime.StartedAt),
    };

    private static JsonObject Render(SandboxCustomField field, SandboxRuntime runtime) => new()
    {
        ["system_name"] = field.SystemName,
        ["display_name"] = field.DisplayName,
        ["data_type"] = field.DataType,
        ["related_entity"] = new JsonObject { ["entity_type"] = field.EntityType, ["entity_subtype"] = field.EntitySubtype },
        ["account_class"] = field.AccountClassName is null && field.AccountClassType is null
            ? null
            : new JsonObject { ["class_name"] = field.AccountClassName, ["class_type"] = field.AccountClassType },
        ["internal_created_at"] = View.Date(runtime.StartedAt),
        ["internal_updated_at"] = View.Date(runtime.StartedAt),
    };
}
