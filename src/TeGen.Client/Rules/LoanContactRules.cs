namespace TeGen.Client.Rules;

/// <summary>
/// TE finds the contacts of a loan's roles (<c>borrower</c>, <c>coborrower</c>, the agents, <c>attorney</c>) among the
/// loan owner's contacts and creates the ones it does not find, so a contact named by its fields rather than its TE id
/// needs what any new contact needs: first and last name, one way to reach it (an email, a phone or the complete
/// address) and a source, the loan's when the contact has none (docs/te-api.md, "Loans").
/// </summary>
internal static class LoanContactRules
{
    /// <summary>The loan members that hold a participant, named as TE's participant roles name them.</summary>
    public static readonly string[] RoleNames = ["borrower", "coborrower", "buyers_agent", "sellers_agent", "settlement_agent", "attorney"];

    public static void Check(LoanFields loan, List<RequestProblem> problems)
    {
        foreach (var (role, contact) in Roles(loan))
        {
            if (contact is null || contact.Id is not null)
            {
                continue;
            }

            if (!Present(contact.FirstName))
            {
                problems.Add(new($"{role}.first_name", "is required: TE creates this contact when the owner has none matching (or name it by id)"));
            }

            if (!Present(contact.LastName))
            {
                problems.Add(new($"{role}.last_name", "is required: TE creates this contact when the owner has none matching (or name it by id)"));
            }

            if (!CreateRules.Reachable(contact.Email, contact.PhoneCell, contact.PhoneHome, contact.PhoneOffice, [contact.Address, contact.City, contact.State, contact.ZipCode]))
            {
                problems.Add(new($"{role}.email", "TE needs one way to reach a contact it creates: email, phone_cell, phone_home, phone_office or the complete address"));
            }

            if (!Present(contact.Source) && !Present(loan.Source))
            {
                problems.Add(new($"{role}.source", "names where a contact TE creates came from; set it, or the loan's source"));
            }
        }
    }

    private static IEnumerable<(string Role, LoanContactRef? Contact)> Roles(LoanFields loan) =>
        RoleNames.Zip([loan.Borrower, loan.Coborrower, loan.BuyersAgent, loan.SellersAgent, loan.SettlementAgent, loan.Attorney]);

    private static bool Present(string? value) => !string.IsNullOrWhiteSpace(value);
}
