using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/contact-recruits: a contact being recruited, owned as contacts are (As Admin the body names the owner, As User
// the caller owns it and sees only its own). recruit_info.recruit_status, each metric and its unit name values of the
// organization's recruit lists (422 for the relationship otherwise). The metrics measured in
// TeSandboxOptions.RecruitPercentUnit may not add up to more than 100 (422). TE's examples spell two members of
// recruit_info differently from its table; both spellings are read, the table's is kept. Never deduplicated (TE
// documents no uniqueness set for recruits); an update's lists replace the stored ones.
internal sealed class RecruitRules(Shape? item) : RecordResource("/v1/contact-recruits", item)
{
    // TE's examples' spelling → its table's (docs/te-api.md, "Organization").
    private static readonly (string Example, string Table)[] Spellings =
    [
        ("sourced_percentage", "sourced_percent"),
        ("commission_split", "commission_split_percent"),
    ];

    public override ListSpec Filters => field ??= ListSpec.From(Item)
        .Custom("recruit_status", (recruit, value) => ListSpec.Matches(TeValues.Member(recruit["recruit_info"]?["recruit_status"], "status_name"), value));

    public override JsonObject Normalize(JsonObject body)
    {
        if (body["recruit_info"] is JsonObject info)
        {
            foreach (var (example, table) in Spellings)
            {
                if (info.Remove(example, out var value) && !info.ContainsKey(table))
                {
                    info[table] = value;
                }
            }
        }

        return body;
    }

    public override TeReply Create(TeCall call)
    {
        var recruit = call.New(new GenericRecord
        {
            Id = Table(call.Store).NextId().ToString(CultureInfo.InvariantCulture),
            NumericId = true,
            OwnerId = call.Owner().Id,
        });
        Attributes.Assign(recruit, Values(call));
        return Created(call, recruit);
    }

    protected override TeReply Change(TeCall call, GenericRecord recruit)
    {
        Attributes.Assign(recruit, Values(call));
        return TeReply.EmptyArray();
    }

    private Dictionary<string, JsonNode?> Values(TeCall call)
    {
        var values = PlainMembers(call.Body, ["owner"]);
        if (values.GetValueOrDefault("recruit_info") is JsonObject info && info["recruit_status"] is { } status)
        {
            info["recruit_status"] = OrganizationRefs.Named(call, "/v1/contact-recruit-statuses", status, "recruit_status", "status_name");
        }

        if (OrganizationRefs.Each(call.Body["recruit_metrics"], node => Metric(call, node)) is { } metrics)
        {
            CheckPercentages(call, metrics);
            values["recruit_metrics"] = metrics;
        }

        return values;
    }

    private static JsonObject Metric(TeCall call, JsonNode? node)
    {
        var metric = new JsonObject
        {
            ["metric"] = OrganizationRefs.Named(call, "/v1/contact-recruit-metrics", node?["metric"], "metric", "metric_name"),
            ["value"] = node?["value"]?.DeepClone(),
        };
        if (node?["unit"] is { } unit)
        {
            metric["unit"] = OrganizationRefs.Named(call, "/v1/contact-recruit-metric-units", unit, "unit", "unit_name");
        }

        return metric;
    }

    private static void CheckPercentages(TeCall call, JsonArray metrics)
    {
        if (call.Options.RecruitPercentUnit is not { } percent)
        {
            return;
        }

        var total = metrics
            .Where(metric => TeValues.SameText(TeValues.Text(metric?["unit"]?["unit_name"]), percent))
            .Sum(metric => double.TryParse(TeValues.Text(metric?["value"]), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0);
        if (total > 100)
        {
            throw TeErrors.Unprocessable($"The recruit_metrics measured in {percent} add up to {total.ToString(CultureInfo.InvariantCulture)}, more than 100");
        }
    }
}
