using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace TeGen.Client.AspNetCore;

/// <summary>Maps the TE webhook endpoint.</summary>
public static class TotalExpertWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Accepts TE's notifications by POST at <paramref name="pattern"/> (the URL given to the subscription): the
    /// <c>secret</c> is checked in constant time against the current one and, within the rotation window, the previous
    /// one (<c>401</c> otherwise, nothing delivered); a body that is not TE's notification JSON gets <c>400</c>; an
    /// accepted one is queued and answered <c>200</c> at once, and reaches the <see cref="ITotalExpertWebhookHandler"/>
    /// in the background, unless it repeats the record's latest <c>hashValue</c>. Needs
    /// <see cref="TotalExpertWebhookServiceCollectionExtensions.AddTotalExpertWebhooks{THandler}"/>.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="pattern">The route, e.g. <c>/te/webhooks</c>.</param>
    /// <returns>The endpoint's builder (e.g. to add a rate limit; it must stay anonymous: TE sends no credentials but the secret).</returns>
    public static IEndpointConventionBuilder MapTotalExpertWebhooks(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return endpoints.MapPost(pattern, WebhookEndpoint.HandleAsync).WithDisplayName("TotalExpert webhooks");
    }
}
