namespace TeGen.Client.Http;

/// <summary>
/// How urgently a request should get one of the egress's rate-limit permits when callers queue for them
/// (<see cref="TeRequestRateLimiter"/>).
/// </summary>
/// <remarks>
/// Classes are served in strict order: a <see cref="Bulk"/> request waits while any tenant has <see cref="Normal"/>
/// requests queued. Within a class, tenants share the permits by weight (<see cref="TeRequestRateLimiter.SetWeight"/>),
/// so one tenant's backlog does not hold another tenant's calls behind it. A class with nothing above it queued gets
/// the whole limit.
/// </remarks>
public enum TeRequestPriority
{
    /// <summary>Interactive and ordinary traffic: served before <see cref="Bulk"/> traffic of any tenant.</summary>
    Normal = 0,

    /// <summary>
    /// Background work such as a bulk sync: yields to <see cref="Normal"/> traffic of every tenant, and uses the whole
    /// limit while none is queued.
    /// </summary>
    Bulk = 1,
}
