using System.Globalization;
using System.Text;

namespace TeGen.Benchmarks.Throughput;

/// <summary>The Markdown table docs/benchmarks.md quotes.</summary>
public static class ResultTable
{
    /// <summary>Formats <paramref name="results"/> with the settings they ran under.</summary>
    /// <param name="options">The run's settings.</param>
    /// <param name="results">The scenarios' results.</param>
    public static string Format(HarnessOptions options, IEnumerable<ScenarioResult> results)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Limit {options.RequestLimit} requests per {options.Window.TotalSeconds:0.###} s ({options.AllowedRate:0.#}/s), TeGen safety margin {options.SafetyMargin.TotalMilliseconds:0} ms, {options.Contacts} contacts per scenario, {options.Workers} concurrent callers.");
        text.AppendLine();
        text.AppendLine("| client | instances | sent | stored | failed | 429s | token requests | requests | elapsed | sustained rate | ÷ allowed |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(c, $"| {r.Client} | {r.Instances} | {r.Sent} | {r.Stored} | {r.Failed} | {r.TooManyRequests} | {r.TokenRequests} | {r.TotalRequests} | {r.Elapsed.TotalSeconds:0.0} s | {r.SustainedRate:0.0}/s | {r.RateRatio:P1} |");
        }

        return text.ToString();
    }

    /// <summary>Formats the many-organization scenarios' results with the settings they ran under.</summary>
    /// <param name="options">The run's settings.</param>
    /// <param name="results">The scenarios' results.</param>
    public static string Format(HarnessOptions options, IEnumerable<OrganizationsResult> results)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Limit {options.RequestLimit} requests per {options.Window.TotalSeconds:0.###} s ({options.AllowedRate:0.#}/s) and 2 token requests per hour, TeGen safety margin {options.SafetyMargin.TotalMilliseconds:0} ms, {options.Contacts} contacts per scenario, {options.Workers} concurrent callers or one per organization, whichever is more.");
        text.AppendLine();
        text.AppendLine("| organizations | token requests counted per | with a token | refused a token | stored | failed | 429s | token requests | requests | elapsed | sustained rate | ÷ allowed | share per organization with a token |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var served = r.Shares.Where(s => s.Created > 0).Select(s => s.Share).ToList();
            var shares = served.Count == 0 ? "—" : served.Count == 1 ? $"{served[0]:P1}" : $"{served.Min():P1} – {served.Max():P1}";
            var counting = r.Counting == TokenCounting.SourceIp ? "source IP (TE)" : "client id (*not TE's rule*)";
            var refused = r.Refused == 0 ? "0" : $"{r.Refused} (next token in {r.NextTokenIn:mm\\:ss})";
            text.AppendLine(c, $"| {r.Organizations} | {counting} | {r.Served} | {refused} | {r.Stored} | {r.Failed} | {r.TooManyRequests} | {r.TokenRequests} | {r.TotalRequests} | {r.Elapsed.TotalSeconds:0.0} s | {r.SustainedRate:0.0}/s | {r.RateRatio:P1} | {shares} |");
        }

        return text.ToString();
    }

    /// <summary>Formats the fairness modes' results with the settings they ran under.</summary>
    /// <param name="options">The run's settings.</param>
    /// <param name="results">The modes' results.</param>
    public static string Format(HarnessOptions options, IEnumerable<FairnessResult> results)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Limit {options.RequestLimit} requests per {options.Window.TotalSeconds:0.###} s, TeGen safety margin {options.SafetyMargin.TotalMilliseconds:0} ms: one slot = {options.Slot.TotalMilliseconds:0.#} ms. A keeps {options.Backlog} creates queued; B makes one call at a time, {options.FairnessDuration.TotalSeconds:0} s.");
        text.AppendLine();
        text.AppendLine("| mode | B's calls | B p50 | B p95 | B p99 | B max | B p50 in slots | A's share of the limit | B's share | 429s | token requests |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(c, $"| {Label(r.Mode)} | {r.Calls} | {Ms(r.P50)} | {Ms(r.P95)} | {Ms(r.P99)} | {Ms(r.Max)} | {r.P50 / r.Slot:0.0} | {r.AShare:P1} | {r.BShare:P1} | {r.TooManyRequests} | {r.TokenRequests} |");
        }

        return text.ToString();
    }

    /// <summary>How the docs and charts name a fairness mode.</summary>
    /// <param name="mode">The mode.</param>
    public static string Label(FairnessMode mode) => mode switch
    {
        FairnessMode.Alone => "B alone",
        FairnessMode.Fair => "fair queue",
        FairnessMode.FairBulk => "fair queue, A as Bulk",
        _ => "first come, first served",
    };

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString(time.TotalMilliseconds < 100 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";
}
