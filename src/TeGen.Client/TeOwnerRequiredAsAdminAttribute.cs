namespace TeGen.Client;

/// <summary>
/// Marks a generated client method whose operation the spec marks <c>x-te-owner: required-as-admin</c>: As Admin its
/// body must name an owner. TeGen's analyzer (TE0001, TE0005) finds the creates it checks by this attribute, so a create
/// added to the spec is covered without a change to the analyzer.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TeOwnerRequiredAsAdminAttribute : Attribute;
