namespace TeGen.Sandbox.Views;

// The view of each collection: hand-written where TE shows a record differently from how it is stored, the schema's
// members otherwise.
internal static class RecordViews
{
    private static readonly Dictionary<string, RecordView> Written = new RecordView[]
    {
        new ContactView(), new NoteView(), new SurveyView(), new ResponseView(), new InsightView(), new AccountView(), new LoanView(),
    }.ToDictionary(view => view.Collection, StringComparer.Ordinal);

    public static RecordView For(string collection) => Written.GetValueOrDefault(collection) ?? new RecordView(collection);
}
