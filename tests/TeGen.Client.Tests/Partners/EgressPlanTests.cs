using TeGen.Client.Partners;

namespace TeGen.Client.Tests.Partners;

/// <summary>Suggested egress assignments respect TE's per-IP limits where they can and say so where they cannot.</summary>
public class EgressPlanTests
{
    [Fact]
    public void Admin_token_holders_are_spread_at_most_two_per_egress_and_requests_balanced()
    {
        var plan = EgressPlan.Suggest(
            [new("a", 600), new("b", 500), new("c", 300), new("d", 200), new("users", 200, HoldsAdminToken: false)],
            ["ip-1", "ip-2"]);

        Assert.True(plan.Fits);
        Assert.All(plan.Egresses, e => Assert.True(e.AdminTokenHolders <= 2));
        Assert.Equal(5, plan.Assignments.Count);
        var loads = plan.Egresses.Select(e => e.RequestsPerMinute).ToList();
        Assert.True(Math.Abs(loads[0] - loads[1]) <= 400, string.Join(", ", loads));
        Assert.NotEqual(plan.Assignments["a"], plan.Assignments["b"]);
    }

    [Fact]
    public void A_plan_that_cannot_fit_says_which_egress_is_over()
    {
        var plan = EgressPlan.Suggest([new("a", 10), new("b", 10), new("c", 10)], ["only"]);

        Assert.False(plan.Fits);
        var egress = Assert.Single(plan.Egresses);
        Assert.Equal(3, egress.AdminTokenHolders);
        Assert.False(egress.Fits);

        var busy = EgressPlan.Suggest([new("a", 900), new("b", 900, HoldsAdminToken: false)], ["only"]);
        Assert.False(busy.Fits);
    }

    [Fact]
    public void Bad_input_is_refused_clearly()
    {
        Assert.Throws<ArgumentException>(() => EgressPlan.Suggest([new("a", 1)], []));
        var e = Assert.Throws<ArgumentException>(() => EgressPlan.Suggest([new("a", 1), new("A", 2)], ["x"]));
        Assert.Contains("listed twice", e.Message);
    }
}
