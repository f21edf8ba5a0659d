namespace TeGen.Client;

/// <summary>
/// On a member of a generated filter model (<c>x-te-requires</c> in the spec): TE refuses this condition unless the
/// condition <see cref="Other"/> is given too (e.g. <c>funded_date_end</c> needs <c>funded_date_start</c>).
/// <see cref="TeFilters.Format"/> refuses such a filter before anything is sent.
/// </summary>
/// <param name="other">The wire name of the condition this one needs.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class TeFilterRequiresAttribute(string other) : Attribute
{
    /// <summary>The wire name of the condition this one needs.</summary>
    public string Other { get; } = other;
}
