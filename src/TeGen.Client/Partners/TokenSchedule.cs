using TeGen.Client.Auth;

namespace TeGen.Client.Partners;

/// <summary>
/// Who holds which TE token until when, and what each egress's budget of token requests allows
/// (<see cref="TotalExpertPartner.GetTokenScheduleAsync"/>): for diagnostics, dashboards and capacity planning.
/// </summary>
/// <param name="At">When the schedule was read.</param>
/// <param name="Organizations">Each organization's admin token, by organization name.</param>
/// <param name="Egresses">Each egress's token budget.</param>
public sealed record TokenSchedule(DateTimeOffset At, IReadOnlyList<OrganizationTokenStatus> Organizations, IReadOnlyList<EgressTokenBudget> Egresses);

/// <summary>One organization's admin token.</summary>
/// <param name="Organization">The organization's name.</param>
/// <param name="Egress">The egress its requests leave through.</param>
/// <param name="Token">Where its token stands.</param>
public sealed record OrganizationTokenStatus(string Organization, string Egress, TokenStatus Token);

/// <summary>One egress's budget of token requests (TE: 2 per hour per source IP).</summary>
/// <param name="Egress">The egress's name.</param>
/// <param name="Host">The TE host counted against.</param>
/// <param name="MaxPerHour">Token requests allowed per rolling hour.</param>
/// <param name="RequestsInLastHour">When the token requests of the last hour were made, oldest first.</param>
/// <param name="NextRequestAllowedAt">When the next token request is allowed (the read time when one is free now).</param>
public sealed record EgressTokenBudget(string Egress, string Host, int MaxPerHour, IReadOnlyList<DateTimeOffset> RequestsInLastHour, DateTimeOffset NextRequestAllowedAt);
