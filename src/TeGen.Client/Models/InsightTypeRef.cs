namespace TeGen.Client;

/// <summary>Names an insight type by TE id or by its full name (<c>"&lt;Partner&gt;: &lt;Event&gt;"</c>).</summary>
public partial class InsightTypeRef
{
    /// <summary>The insight type by TE id.</summary>
    /// <param name="id">The insight type id.</param>
    public static InsightTypeRef ById(long id) => new() { Id = id };

    /// <summary>The insight type by its full name, e.g. <c>"Lending Software: Loan application submitted"</c>.</summary>
    /// <param name="typeName">The full insight type name.</param>
    public static InsightTypeRef ByName(string typeName) =>
        new() { Type = string.IsNullOrWhiteSpace(typeName) ? throw new ArgumentException("An insight type name cannot be empty.", nameof(typeName)) : typeName };

    /// <summary>The insight type <c>"&lt;partnerPrefix&gt;: &lt;eventName&gt;"</c>.</summary>
    /// <param name="partnerPrefix">The partner's name.</param>
    /// <param name="eventName">The event.</param>
    public static InsightTypeRef ByName(string partnerPrefix, string eventName) => new() { Type = InsightTypeNames.Compose(partnerPrefix, eventName) };
}
