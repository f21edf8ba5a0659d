namespace TeGen.Client;

/// <summary>
/// Names the TE organization the current request works for (e.g. from the signed-in tenant's claims or the route), so
/// dependency injection can hand out that organization's clients (see
/// <c>AddTotalExpertPartner</c>). Register it scoped; it is asked once per scope.
/// </summary>
public interface ITotalExpertOrganizationResolver
{
    /// <summary>The name of the current request's organization, as configured under <c>TotalExpert:Organizations</c>.</summary>
    string ResolveOrganization();
}
