namespace TeGen.Tool.Specs;

/// <summary>One change a C# user of the regenerated SDK sees.</summary>
/// <param name="Kind">Added, removed, retyped or required-changed.</param>
/// <param name="Name">The C# name: <c>CreateContactAsync</c>, <c>NewContact</c>, <c>NewContact.Email</c>, <c>ListContactsAsync(pagesize)</c>.</param>
/// <param name="Detail">What changed, e.g. <c>string → long</c>.</param>
/// <param name="Breaking">Whether code written against the old SDK may stop compiling or behave differently.</param>
internal sealed record SpecChange(SpecChangeKind Kind, string Name, string Detail, bool Breaking)
{
    public string KindName => Kind == SpecChangeKind.RequiredChanged ? "required-changed" : Kind.ToString().ToLowerInvariant();

    public override string ToString() => $"{(Breaking ? "BREAKING" : "ok      ")}  {KindName,-16} {Name}{(Detail.Length > 0 ? "  (" + Detail + ")" : "")}";
}
