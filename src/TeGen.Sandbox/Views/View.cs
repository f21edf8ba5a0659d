using TeGen.Sandbox.Seed;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Views;

// How records are rendered for one reader: an API caller, or the inspector (which reads as an administrator).
internal sealed record View(Tenants Tenants, SandboxStore Store, TeSandboxOptions Options, TeSpec Spec, bool AsUser)
{
    // TE's "Fetch Contact (as User)" example shows owner.id as a string ("58"); admins get numbers unless configured.
    public bool UserIdsAsStrings => AsUser || Options.RelatedUserIdsAsStrings;

    public bool ShowOwner => !AsUser || !Options.HideOwnerFromUsers;
}
