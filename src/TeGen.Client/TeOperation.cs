namespace TeGen.Client;

/// <summary>
/// What the spec says about one TE operation, beyond its shape: generated from <c>spec/totalexpert.openapi.yaml</c>
/// (its security and <c>x-te-*</c> extensions, see <c>spec/README.md</c>) for every operation, and stamped on every
/// request a generated client sends (<see cref="Of"/>). TeGen's handlers read it instead of knowing paths, so an
/// operation added to the spec gets authentication, retry safety and success statuses without hand-written code.
/// </summary>
public sealed class TeOperation
{
    /// <summary>The key under which a request carries its operation in <see cref="HttpRequestMessage.Options"/>.</summary>
    public static readonly HttpRequestOptionsKey<TeOperation> Key = new("TeGen.Operation");

    private readonly int[] _successStatuses;

    /// <summary>Describes an operation (generated code calls this; see the spec for the meaning of each flag).</summary>
    /// <param name="operationId">The spec's operationId, e.g. <c>CreateContact</c>.</param>
    /// <param name="method">The HTTP method, upper case.</param>
    /// <param name="path">The path template, e.g. <c>v1/contacts/{contact_id}</c>.</param>
    /// <param name="requiresAuthentication">Whether a bearer token is needed (the spec's <c>security</c>).</param>
    /// <param name="successStatuses">Statuses that are this operation's success: its 2xx responses and <c>x-te-success-statuses</c>.</param>
    /// <param name="deduplicated"><c>x-te-deduplicated</c>: TE recognises a repeated create, so a POST may be retried.</param>
    /// <param name="paged"><c>x-te-paged</c>: a list read page by page with <c>page[number]</c> and <c>page[size]</c>.</param>
    /// <param name="ownerRequiredAsAdmin"><c>x-te-owner: required-as-admin</c>: As Admin the body must name an owner.</param>
    /// <param name="leadFamily"><c>x-te-lead-family</c>: which of TE's two lead APIs the operation belongs to, if any.</param>
    public TeOperation(string operationId, string method, string path, bool requiresAuthentication, int[] successStatuses, bool deduplicated, bool paged, bool ownerRequiredAsAdmin, string? leadFamily = null)
    {
        OperationId = operationId;
        // Parse hands out the shared instance of a standard method (HttpMethod.Get, ...), which generated clients put on
        // every request they build.
        Method = HttpMethod.Parse(method);
        Path = path;
        RequiresAuthentication = requiresAuthentication;
        _successStatuses = successStatuses;
        Deduplicated = deduplicated;
        Paged = paged;
        OwnerRequiredAsAdmin = ownerRequiredAsAdmin;
        LeadFamily = leadFamily;
    }

    /// <summary>The spec's operationId.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path template, relative to the TE host.</summary>
    public string Path { get; }

    /// <summary>Whether the operation needs a bearer token.</summary>
    public bool RequiresAuthentication { get; }

    /// <summary>Statuses that mean success for this operation.</summary>
    public IReadOnlyList<int> SuccessStatuses => _successStatuses;

    /// <summary>Whether TE deduplicates this create, so repeating it cannot create a second record.</summary>
    public bool Deduplicated { get; }

    /// <summary>Whether this is a paged list.</summary>
    public bool Paged { get; }

    /// <summary>Whether As Admin the body must name an owner.</summary>
    public bool OwnerRequiredAsAdmin { get; }

    /// <summary>
    /// Which of TE's two lead APIs the operation belongs to (<c>lead-opportunities</c> or <c>alm-leads</c>), or
    /// <c>null</c>: an organization uses one of them, never both (<see cref="LeadFamilies"/>).
    /// </summary>
    public string? LeadFamily { get; }

    /// <summary>
    /// Whether repeating a request TE may already have processed is harmless: any method but POST, and a POST TE
    /// deduplicates.
    /// </summary>
    public bool RetrySafe => Method != HttpMethod.Post || Deduplicated;

    /// <summary>Whether <paramref name="status"/> is a success of this operation.</summary>
    /// <param name="status">An HTTP status.</param>
    public bool IsSuccess(int status) => Array.IndexOf(_successStatuses, status) >= 0;

    /// <summary>The operation a request was stamped with, or <c>null</c> for a request no generated client built.</summary>
    /// <param name="request">The request.</param>
    public static TeOperation? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var operation) ? operation : null;

    /// <inheritdoc />
    public override string ToString() => $"{OperationId} ({Method} /{Path})";
}
