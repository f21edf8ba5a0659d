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
}
