namespace TeGen.Benchmarks.Throughput;

/// <summary>One organization's part of a many-organization run, as the sandbox counted it.</summary>
/// <param name="ClientId">The organization's client id.</param>
/// <param name="Created">Contacts the sandbox created for it.</param>
/// <param name="Share">Its fraction of every contact created in the run.</param>
/// <param name="Refused">Calls TeGen refused for it with <c>TokenBudgetExceededException</c>, nothing sent.</param>
public sealed record OrganizationShare(string ClientId, int Created, double Share, int Refused);
