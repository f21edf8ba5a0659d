using TeGen.Client;

namespace TeGen.Tool.Import;

/// <summary>What every row gets unless its own columns say otherwise: <c>--owner</c>, <c>--group</c>, <c>--source</c>.</summary>
/// <param name="Owner">The owner of rows without owner columns; <c>null</c> leaves it to <c>TotalExpert:DefaultOwner</c>.</param>
/// <param name="Groups">Groups every contact joins (besides the organization's required ones, which the SDK adds).</param>
/// <param name="Source">TE's <c>source</c> for rows without one.</param>
internal sealed record ContactDefaults(OwnerRef? Owner, IReadOnlyList<string> Groups, string? Source);
