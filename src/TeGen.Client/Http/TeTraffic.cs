namespace TeGen.Client.Http;

/// <summary>
/// The traffic class of a request for <see cref="TeRequestRateLimiter"/>'s fair queue: whose request it is (a tenant,
/// such as a TE customer organization, served through a shared egress) and its priority. Carried in
/// <see cref="HttpRequestMessage.Options"/> under <see cref="Key"/>; a request without one queues as its connection's
/// tenant, with the priority of its call's scope or its connection's (see <see cref="RateLimitHandler"/>).
/// </summary>
/// <param name="Tenant">The tenant; null or empty is the default tenant. Compared ordinally.</param>
/// <param name="Priority">The request's priority class.</param>
internal readonly record struct TeTraffic(string? Tenant, TeRequestPriority Priority)
{
    public static readonly HttpRequestOptionsKey<TeTraffic> Key = new("TeGen.Traffic");

    /// <summary>
    /// Token requests: calls of every tenant may be waiting for the token, so they go before all other traffic. Not
    /// expressible through <see cref="TeRequestPriority"/>, so no caller can claim the class for its own requests.
    /// </summary>
    public static TeTraffic TokenRequest { get; } = new(null, TeRequestPriority.Normal) { IsTokenRequest = true };

    /// <summary>Whether this is the token pipeline's class, above <see cref="TeRequestPriority.Normal"/>.</summary>
    public bool IsTokenRequest { get; private init; }
}
