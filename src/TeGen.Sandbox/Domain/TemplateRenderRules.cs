using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;

namespace TeGen.Sandbox.Domain;

// POST /v1/email-templates/render: TE documents neither body nor answer. The sandbox fills `{{contact.<member>}}` from
// the named contact (one the caller sees) and `{{user.<member>}}` from the named user (As User, the caller by default);
// a merge field whose record is not named, or whose member is empty, renders empty (inferred; docs/te-api.md).
internal sealed partial class TemplateRenderRules(string collection) : RecordResource(collection, null)
{
    public override TeReply? Act(TeCall call, string method)
    {
        var contact = call.Body["contact"] is { } reference ? ContactMatcher.Resolve(reference, ContactRules.SeenBy(call)) : null;
        var user = call.Body["user"] is { } named ? UserRefs.Resolve(named, call.Org, "user") : call.Caller.User;
        string Fill(string? template) => MergeField().Replace(template ?? "", match => match.Groups["record"].Value switch
        {
            "contact" => contact?.Text(match.Groups["member"].Value) ?? "",
            _ => user is null ? "" : match.Groups["member"].Value switch
            {
                "first_name" => user.FirstName ?? "",
                "last_name" => user.LastName ?? "",
                "email" => user.Email,
                "username" => user.Username,
                _ => "",
            },
        });
        return TeReply.Ok(new JsonObject { ["subject"] = Fill(TeValues.Text(call.Body["subject"])), ["body"] = Fill(TeValues.Text(call.Require("body"))) });
    }

    [GeneratedRegex(@"\{\{\s*(?<record>contact|user)\.(?<member>[a-z_0-9]+)\s*\}\}")]
    private static partial Regex MergeField();
}
