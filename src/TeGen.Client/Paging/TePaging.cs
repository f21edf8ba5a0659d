using System.Runtime.CompilerServices;

namespace TeGen.Client;

/// <summary>
/// Every TE list operation as an <see cref="IAsyncEnumerable{T}"/> that walks <c>page[number]</c> from 1 until
/// TE's <c>links.next</c> is empty. Each page is one request through the client's pipeline, so paging is
/// rate-limited and retried like any other call; stop enumerating (or cancel) and no further page is fetched.
/// </summary>
public static class TePaging
{
    /// <summary>The largest page TE documents (for contacts; assumed for the other resources).</summary>
    public const int MaxPageSize = 100;

    /// <summary>All contacts matching <paramref name="filter"/>, in <paramref name="sort"/> order.</summary>
    /// <param name="client">The contacts client.</param>
    /// <param name="pageSize">Items per request, 1 to 100.</param>
    /// <param name="filter">TE filter, e.g. <c>source=LendingTree,last_name=Doe</c>.</param>
    /// <param name="sort">TE sort, e.g. <c>-internal_updated_at</c>.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static IAsyncEnumerable<Contact> ListAllContactsAsync(this IContactsClient client, int pageSize = MaxPageSize, string? filter = null, string? sort = null, CancellationToken cancellationToken = default) =>
        WalkAsync((n, s, ct) => client.ListContactsAsync(n, s, filter, sort, ct), page => page.Items, pageSize, cancellationToken);

    /// <summary>All contact groups; see <see cref="ListAllContactsAsync"/> for the parameters.</summary>
    /// <inheritdoc cref="ListAllContactsAsync" path="/param" />
    public static IAsyncEnumerable<ContactGroup> ListAllContactGroupsAsync(this IContactGroupsClient client, int pageSize = MaxPageSize, string? filter = null, string? sort = null, CancellationToken cancellationToken = default) =>
        WalkAsync((n, s, ct) => client.ListContactGroupsAsync(n, s, filter, sort, ct), page => page.Items, pageSize, cancellationToken);

    /// <summary>All contact notes; see <see cref="ListAllContactsAsync"/> for the parameters.</summary>
    /// <inheritdoc cref="ListAllContactsAsync" path="/param" />
    public static IAsyncEnumerable<ContactNote> ListAllContactNotesAsync(this IContactNotesClient client, int pageSize = MaxPageSize, string? filter = null, string? sort = null, CancellationToken cancellationToken = default) =>
        WalkAsync((n, s, ct) => client.ListContactNotesAsync(n, s, filter, sort, ct), page => page.Items, pageSize, cancellationToken);

    /// <summary>All contact surveys; see <see cref="ListAllContactsAsync"/> for the parameters.</summary>
    /// <inheritdoc cref="ListAllContactsAsync" path="/param" />
    public static IAsyncEnumerable<ContactSurvey> ListAllContactSurveysAsync(this IContactSurveysClient client, int pageSize = MaxPageSize, string? filter = null, string? sort = null, CancellationToken cancellationToken = default) =>
        WalkAsync((n, s, ct) => client.ListContactSurveysAsync(n, s, filter, sort, ct), page => page.Items, pageSize, cancellationToken);

    /// <summary>All survey responses; see <see cref="ListAllContactsAsync"/> for the parameters.</summary>
    /// <inheritdoc cref="ListAllContactsAsync" path="/param" />
    public static IAsyncEnumerable<ContactSurveyResponse> ListAllContactSurveyResponsesAsync(this IContactSurveyResponsesClient client, int pageSize = MaxPageSize, string? filter = null, string? sort = null, CancellationToken cancellationToken = default) =>
        WalkAsync((n, s, ct) => client.ListContactSurveyResponsesAsync(n, s, filter, sort, ct), page => page.Items, pageSize, cancellationToken);

    /// <summary>All insights; see <see cref="ListAllContactsAsync"/> for the parameters.</summary>
    /// <inheritdoc cref="ListAllContactsAsync" path="/param" />
    public static IAsyncEnumerable<Insight> ListAllInsightsAsync(this IInsightsClient client, int pageSize = MaxPageSize, string? filter = null, string? sort = null, CancellationToken cancellationToken = default) =>
        WalkAsync((n, s, ct) => client.ListInsightsAsync(n, s, filter, sort, ct), page => page.Items, pageSize, cancellationToken);

    /// <summary>All insight types; see <see cref="ListAllContactsAsync"/> for the parameters.</summary>
    /// <inheritdoc cref="ListAllContactsAsync" path="/param" />
    public static IAsyncEnumerable<InsightType> ListAllInsightTypesAsync(this IInsightTypesClient client, int pageSize = MaxPageSize, string? filter = null, string? sort = null, CancellationToken cancellationToken = default) =>
        WalkAsync((n, s, ct) => client.ListInsightTypesAsync(n, s, filter, sort, ct), page => page.Items, pageSize, cancellationToken);

    /// <summary>All users (admin only); see <see cref="ListAllContactsAsync"/> for the parameters.</summary>
    /// <inheritdoc cref="ListAllContactsAsync" path="/param" />
    public static IAsyncEnumerable<User> ListAllUsersAsync(this IUsersClient client, int pageSize = MaxPageSize, string? filter = null, string? sort = null, CancellationToken cancellationToken = default) =>
        WalkAsync((n, s, ct) => client.ListUsersAsync(n, s, filter, sort, ct), page => page.Items, pageSize, cancellationToken);

    /// <summary>All custom field definitions (admin only); see <see cref="ListAllContactsAsync"/> for the parameters.</summary>
    /// <inheritdoc cref="ListAllContactsAsync" path="/param" />
    public static IAsyncEnumerable<CustomFieldDefinition> ListAllCustomFieldsAsync(this ISchemaClient client, int pageSize = MaxPageSize, string? filter = null, string? sort = null, CancellationToken cancellationToken = default) =>
        WalkAsync((n, s, ct) => client.ListCustomFieldSchemaAsync(n, s, filter, sort, ct), page => page.Items, pageSize, cancellationToken);

    private static async IAsyncEnumerable<TItem> WalkAsync<TPage, TItem>(
        Func<int, int, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TPage : PagedResponse
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"TE pages hold 1 to {MaxPageSize} items.");
        }

        for (var number = 1; ;)
        {
            var page = await fetch(number, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(page) ?? [])
            {
                yield return item;
            }

            // A next page number that does not move forward would loop forever on a misbehaving server.
            if (page.Links?.Next is not { } next || next <= number)
            {
                yield break;
            }

            number = next;
        }
    }
}
