using TeGen.Benchmarks.Baseline;
using KiotaModels = TeGen.Benchmarks.Kiota.Models;

namespace TeGen.Benchmarks.Clients;

/// <summary>
/// The same contact-create body in each client's model: the create minimum, an owner (required As Admin) and a
/// group. Built once, so a create benchmark measures the call, not building the body.
/// </summary>
public static class NewContactBodies
{
    private const string Source = "TeGen benchmarks";
    private const string FirstName = "Alfred";
    private const string LastName = "Lopez";
    private const string Email = "alfred.lopez@example.com";
    private const string PhoneCell = "(612) 555-0142";
    private const long OwnerId = 101;
    private const string Group = "Active Lead";

    /// <summary>For the baseline.</summary>
    public static RawNewContact Raw { get; } = new()
    {
        Source = Source, FirstName = FirstName, LastName = LastName, Email = Email, PhoneCell = PhoneCell, OkToEmail = true,
        Owner = new RawOwner { Id = OwnerId },
        ContactGroups = [new RawGroup { GroupName = Group }],
    };

    /// <summary>For TeGen.</summary>
    public static global::TeGen.Client.NewContact TeGen { get; } = new()
    {
        Source = Source, FirstName = FirstName, LastName = LastName, Email = Email, PhoneCell = PhoneCell, OkToEmail = true,
        Owner = new global::TeGen.Client.OwnerRef { Id = OwnerId },
        ContactGroups = [new global::TeGen.Client.ContactGroupRef { GroupName = Group }],
    };

    /// <summary>For the NSwag-default client.</summary>
    public static NSwagDefault.NewContact NSwag { get; } = new()
    {
        Source = Source, First_name = FirstName, Last_name = LastName, Email = Email, Phone_cell = PhoneCell, Ok_to_email = true,
        Owner = new NSwagDefault.OwnerRef { Id = OwnerId },
        Contact_groups = [new NSwagDefault.ContactGroupRef { Group_name = Group }],
    };

    /// <summary>For the Kiota client.</summary>
    public static KiotaModels.NewContact Kiota { get; } = new()
    {
        Source = Source, FirstName = FirstName, LastName = LastName, Email = Email, PhoneCell = PhoneCell, OkToEmail = true,
        Owner = new KiotaModels.OwnerRef { Id = OwnerId },
        ContactGroups = [new KiotaModels.ContactGroupRef { GroupName = Group }],
    };
}
