using System.Runtime.CompilerServices;

namespace TeGen.Client;

/// <summary>
/// Paging for every TE list the spec marks <c>x-te-paged</c>: each gets a generated <c>ListAll...Async</c> on its client
/// interface (e.g. <c>IContactsClient.ListAllContactsAsync</c>), an <see cref="IAsyncEnumerable{T}"/> that walks
/// <c>page[number]</c> from 1 until TE's <c>links.next</c> is empty, through here. Each page is one request through the
/// client's pipeline, so paging is rate-limited and retried like any other call.
/// </summary>
public static class TePaging
{
    /// <summary>The largest page TE documents (for contacts; assumed for the other resources).</summary>
    public const int MaxPageSize = 100;

    internal static async IAsyncEnumerable<TItem> ReadAllAsync<TPage, TItem>(
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
