namespace TeGen.Sandbox.Store;

// What a stored loan keeps by id: the contacts in its roles and its lending lookups. The rules that store them and the
// view that names them read the same lists.
internal static class LoanRelations
{
    // The contact roles of a loan, as TE's participant roles name them, borrower first.
    public static readonly string[] Roles = ["borrower", "coborrower", "buyers_agent", "sellers_agent", "settlement_agent", "attorney"];

    // The loan member of each lookup (also the lookup's name member) and its collection.
    public static readonly (string Member, string Collection)[] Lookups =
    [
        ("loan_type", "/v1/loan-types"), ("loan_status", "/v1/loan-statuses"), ("loan_purpose", "/v1/loan-purposes"), ("loan_program", "/v1/loan-programs"),
    ];
}
