using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/teams: a team_name and its managers, users named by any of their identifiers (an unknown one is TE's 422 for
// the relationship). Managers given are added to the team's; remove_managers takes them off. Never deduplicated: TE
// documents no uniqueness set for teams. A deleted team leaves its users, who no longer list it.
internal sealed class TeamRules(Shape? item) : RecordResource(Path, item)
{
    public const string Path = "/v1/teams";

    public override TeReply Create(TeCall call)
    {
        var team = call.New(new GenericRecord { Id = Table(call.Store).NextId().ToString(CultureInfo.InvariantCulture), NumericId = true });
        Attributes.Assign(team, Values(call));
        return Created(call, team);
    }

    protected override TeReply Change(TeCall call, GenericRecord team)
    {
        Attributes.Assign(team, Values(call), addToArrays: true);
        OrganizationRefs.Remove(team.Fields, "managers", OrganizationRefs.Each(call.Body["remove_managers"], node => OrganizationRefs.User(call, node, "remove_managers")));
        return TeReply.EmptyArray();
    }

    protected override void Detach(TeCall call, GenericRecord team)
    {
        var gone = new JsonArray(new JsonObject { ["id"] = team.IdNode.DeepClone() });
        foreach (var user in call.Store.Collection(UserRules.Path).Rows.Where(user => user.Org == team.Org))
        {
            OrganizationRefs.Remove(user.Fields, "teams", gone);
        }
    }

    private Dictionary<string, JsonNode?> Values(TeCall call)
    {
        var values = PlainMembers(call.Body, ["managers"]);
        if (OrganizationRefs.Each(call.Body["managers"], node => OrganizationRefs.User(call, node, "managers")) is { } managers)
        {
            values["managers"] = managers;
        }

        return values;
    }
}
