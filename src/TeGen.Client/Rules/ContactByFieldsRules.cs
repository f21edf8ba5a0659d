namespace TeGen.Client.Rules;

/// <summary>
/// <c>PATCH /v1/contacts</c> has no id in the path: TE finds the contact by the body's fields as its deduplication
/// does, so a body that names no contact that way could only fail (or, worse, match by chance on what is left). It must
/// carry the <c>id</c>, an <c>external_ids</c> pair, or first and last name with an email, the complete address or a
/// phone (docs/te-api.md, "Engagement and compliance").
/// </summary>
internal static class ContactByFieldsRules
{
    public static void Check(ContactUpdateByFields body, List<RequestProblem> problems)
    {
        if (body.Id is not null || body.ExternalIds?.Any(pair => Present(pair.Source) && Present(pair.ExternalId)) == true)
        {
            return;
        }

        string?[] address = [body.Address, body.City, body.State, body.ZipCode];
        var detail = Present(body.Email) || Present(body.PhoneCell) || Present(body.PhoneHome) || Present(body.PhoneOffice) || address.All(Present);
        if (!Present(body.FirstName) || !Present(body.LastName) || !detail)
        {
            problems.Add(new("id", "names no contact: give the id, an external_ids pair, or first_name and last_name with email, the complete address or a phone"));
        }
    }

    private static bool Present(string? value) => !string.IsNullOrWhiteSpace(value);
}
