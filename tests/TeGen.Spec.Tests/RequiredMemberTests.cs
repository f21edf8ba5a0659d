using Microsoft.OpenApi;
using TeGen.Client;
using TeGen.Client.Rules;

namespace TeGen.Spec.Tests;

/// <summary>
/// What the spec says a request body requires is what the client refuses to send without: for every operation with a
/// body, the required JSON members (those its schema lists and those any of its allOf parts lists, whichever part
/// declares the member) are computed from the spec and compared with the client's pre-send check, run on an empty body.
/// An operation added to the spec is covered without a change here.
/// </summary>
public class RequiredMemberTests
{
    /// <summary>Every generated operation that sends a JSON body.</summary>
    public static TheoryData<string> OperationsWithBodies() =>
        new(SpecDocument.Operations
            .Where(o => SpecDocument.JsonSchema(o.Operation.RequestBody?.Content) is not null && GeneratedClient.Operations.ContainsKey(o.Operation.OperationId!))
            .Select(o => o.Operation.OperationId!)
            .Order());

    [Theory]
    [MemberData(nameof(OperationsWithBodies))]
    public void The_pre_send_check_requires_exactly_the_members_the_spec_requires(string operationId)
    {
        var (schema, body) = EmptyBody(operationId);
        var problems = new List<RequestProblem>();

        RequiredMembers.Check(GeneratedClient.Operations[operationId], body, problems);

        Assert.Equal(RequiredJsonMembers(schema).Order(), problems.Select(p => p.Field).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(OperationsWithBodies))]
    public async Task A_body_missing_what_the_spec_requires_is_refused_before_sending_naming_each_member(string operationId)
    {
        var (schema, body) = EmptyBody(operationId);
        var required = RequiredJsonMembers(schema);
        var rules = new CreateRules(new TotalExpertClientOptions(), asAdmin: false, new InsightTypeCatalog(TimeProvider.System, TimeSpan.FromMinutes(5)), null!);

        var refused = new HashSet<string>();
        try
        {
            await rules.ApplyAsync(GeneratedClient.Operations[operationId], body, CancellationToken.None);
        }
        catch (TotalExpertRequestValidationException e)
        {
            refused.UnionWith(e.Problems.Select(p => p.Field));
        }

        var missing = required.Except(refused).ToList();
        Assert.True(missing.Count == 0, $"{operationId} sends a body without {string.Join(", ", missing)}");
    }

    [Fact]
    public void A_member_required_by_one_allOf_part_and_declared_by_another_counts()
    {
        var group = SpecDocument.Document.Components!.Schemas!["NewContactGroup"];
        Assert.DoesNotContain("group_name", group.AllOf!.Last().Properties!.Keys);

        Assert.Contains("group_name", RequiredJsonMembers(group));
    }

    /// <summary>The members a schema requires: its own required list and those of its allOf parts, all the way down.</summary>
    internal static HashSet<string> RequiredJsonMembers(IOpenApiSchema schema)
    {
        var required = new HashSet<string>(schema.Required ?? new HashSet<string>(), StringComparer.Ordinal);
        foreach (var part in schema.AllOf ?? [])
        {
            required.UnionWith(RequiredJsonMembers(part));
        }

        return required;
    }

    private static (IOpenApiSchema Schema, object Body) EmptyBody(string operationId)
    {
        var operation = SpecDocument.Operations.Single(o => o.Operation.OperationId == operationId).Operation;
        var schema = SpecDocument.JsonSchema(operation.RequestBody!.Content)!;
        return (schema, Activator.CreateInstance(GeneratedClient.Model(SpecDocument.ReferenceId(schema)!))!);
    }
}
