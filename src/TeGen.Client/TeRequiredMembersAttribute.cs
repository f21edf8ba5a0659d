namespace TeGen.Client;

/// <summary>
/// Marks a generated client method with the JSON members its request body must carry: every name the spec's
/// <c>required</c> lists give for the body, including those a part of its <c>allOf</c> requires of a member another part
/// declares (a group create's <c>group_name</c>, declared by the shared <c>ContactGroupFields</c>). The client checks
/// them before sending, so a create the spec says TE would refuse fails naming the field and nothing is sent.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TeRequiredMembersAttribute : Attribute
{
    /// <summary>Lists the JSON names the body requires (generated code calls this).</summary>
    /// <param name="jsonNames">The body's required members, as named on the wire, e.g. <c>group_name</c>.</param>
    public TeRequiredMembersAttribute(params string[] jsonNames) => JsonNames = jsonNames;

    /// <summary>The body's required members, as named on the wire.</summary>
    public IReadOnlyList<string> JsonNames { get; }
}
