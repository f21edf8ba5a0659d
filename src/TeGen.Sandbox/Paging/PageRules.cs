namespace TeGen.Sandbox.Paging;

// How one collection pages: the options' rules for the classic collections; a collection TE documents otherwise (lead
// opportunities: 25 a page, a page past the last refused, unknown fields refused) states its own.
internal sealed record PageRules(int DefaultSize, int MaxSize, bool RejectOutOfRange, bool RejectOversized, bool RejectUnknownFields)
{
    public static PageRules From(TeSandboxOptions options) =>
        new(options.DefaultPageSize, options.MaxPageSize, options.RejectOutOfRangePages, options.RejectOversizedPages, options.RejectUnknownQueryFields);
}
