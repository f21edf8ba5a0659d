namespace TeGen.Sandbox.Te;

// Every assignable plain attribute of a contact (facts §5); all are returned, null when unset.
internal static class ContactFields
{
    public static readonly IReadOnlyList<FieldDef> All =
    [
        .. FieldDef.Texts(
            "title", "first_name", "last_name", "nickname", "suffix", "email", "email_work",
            "phone_cell", "phone_home", "phone_office", "fax",
            "address", "address_2", "city", "state", "zip_code",
            "employer_name", "employer_address", "employer_address_2", "employer_city", "employer_state", "employer_zip",
            "employer_license_number", "license_number", "external_id", "source",
            "linkedin_url", "website_url", "other_url", "referred_by", "referred_to"),
        new("birthday", FieldKind.Birthday),
        new("close_date", FieldKind.DateOnly),
        new("list_date", FieldKind.DateOnly),
        new("creation_date", FieldKind.DateTime),
        new("credit_score_date", FieldKind.DateTime),
        new("last_contacted_date", FieldKind.DateTime),
        new("pre_approval_issued_date", FieldKind.DateTime),
        new("credit_score", FieldKind.CreditScore),
        new("ok_to_call", FieldKind.Boolean),
        new("ok_to_email", FieldKind.Boolean),
        new("ok_to_mail", FieldKind.Boolean),
    ];

    public static readonly string[] Address = ["address", "city", "state", "zip_code"];

    public static readonly string[] Phones = ["phone_home", "phone_cell", "phone_office"];
}
