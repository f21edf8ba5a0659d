namespace TeGen.Sandbox;

/// <summary>
/// How the sandbox serves <c>/v1/webhook-*</c> and sends notifications (<see cref="TeSandboxOptions.Webhooks"/>).
/// </summary>
/// <remarks>
/// <para>
/// When a record a subscription names changes (a contact created, updated or deleted), the sandbox POSTs TE's
/// notification <c>{"item", "action", "id", "hashValue", "secret"}</c> to the subscription's <c>url</c> in the
/// background, one notification at a time in the order the changes happened. The secret is the subscription's when the
/// change happened, so notifications queued before a PATCH rotated it carry the old one, as TE's do. A failed attempt
/// (no answer, or a status other than 2xx) is retried after <see cref="FirstRetryDelay"/>, doubled each time up to
/// <see cref="MaxRetryDelay"/>, at most <see cref="MaxAttempts"/> attempts in all; the delays run on
/// <see cref="TeSandboxOptions.TimeProvider"/>. Every notification and attempt is visible through
/// <see cref="Inspection.SandboxInspector.GetWebhooks"/> and <c>GET /_sandbox/webhooks</c>.
/// </para>
/// <para>
/// Uncertain readings, each an option: TE's retry schedule is not documented (<see cref="MaxAttempts"/>,
/// <see cref="FirstRetryDelay"/>, <see cref="MaxRetryDelay"/>); TE requires HTTPS, which a test receiver on loopback
/// rarely has (<see cref="AllowLoopbackHttp"/>).
/// </para>
/// </remarks>
public sealed class SandboxWebhookOptions
{
    /// <summary>
    /// Whether a subscription may name an <c>http</c> URL on a loopback host (<c>127.0.0.1</c>, <c>[::1]</c>,
    /// <c>localhost</c>). Default <c>true</c>; TE itself takes HTTPS only, as the sandbox does for every other host.
    /// </summary>
    public bool AllowLoopbackHttp { get; set; } = true;

    /// <summary>Attempts per notification, the first included. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; each later one doubles it. Default one second.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between two attempts. Default one minute.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one attempt may take before it counts as failed. Default ten seconds (on the sandbox's clock).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The <c>item</c>/<c>action</c> pairs <c>GET /v1/webhook-actions</c> lists and a subscription may name. Default
    /// the ones TE documents: <c>CONTACT</c> <c>CREATED</c>, <c>UPDATED</c>, <c>DELETED</c> and
    /// <c>EMAIL_UNSUBSCRIBE</c> <c>UPDATED</c>.
    /// </summary>
    public IList<(string Item, string Action)> Actions { get; set; } =
    [
        ("CONTACT", "CREATED"),
        ("CONTACT", "UPDATED"),
        ("CONTACT", "DELETED"),
        ("EMAIL_UNSUBSCRIBE", "UPDATED"),
    ];
}
