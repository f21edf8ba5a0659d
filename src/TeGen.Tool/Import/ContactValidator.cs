using TeGen.Client;

namespace TeGen.Tool.Import;

/// <summary>
/// Checks a contact with the SDK's own pre-send rules (owner As Admin, the contact minimum, the organization's required
/// groups, the spec's required members) through a client that answers every call itself: nothing reaches TE.
/// </summary>
internal sealed class ContactValidator(TotalExpertAdminClient validator)
{
    public async Task<IReadOnlyList<RowProblem>> CheckAsync(int line, NewContact contact, CancellationToken cancellationToken)
    {
        try
        {
            await validator.Contacts.CreateContactAsync(contact, cancellationToken).ConfigureAwait(false);
            return [];
        }
        catch (TotalExpertRequestValidationException e)
        {
            return [.. e.Problems.Select(p => new RowProblem(line, p.Field, p.Message))];
        }
    }
}
