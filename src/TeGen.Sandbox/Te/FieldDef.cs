namespace TeGen.Sandbox.Te;

internal enum FieldKind
{
    Text,

    // Input "YYYY-MM-DD hh:mm:ss" (or a date), output the same.
    DateTime,

    // Input a date-time or date, output date-only: TE returns close_date and list_date that way.
    DateOnly,

    // "1970-MM-DD": TE keeps the year fixed at 1970.
    Birthday,

    Boolean,

    CreditScore,

    // Integer on input, returned as a JSON string (note type_id).
    IntegerAsString,

    // Free-form JSON object (insight data).
    Object,
}

internal sealed record FieldDef(string Name, FieldKind Kind = FieldKind.Text)
{
    public static IEnumerable<FieldDef> Texts(params string[] names) => names.Select(name => new FieldDef(name));
}
