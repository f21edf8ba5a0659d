using System.Globalization;
using ScottPlot;

namespace TeGen.Benchmarks.Throughput;

/// <summary>The PNG charts docs/benchmarks.md and docs/multi-tenant.md show, drawn from a run's results.</summary>
public static class Charts
{
    private const int Width = 900;
    private const int Height = 420;

    /// <summary>
    /// The accepted rate over the trailing window against the sandbox's limit, one line per scenario of the largest
    /// organization count. Returns the file written, or null when no scenario ran.
    /// </summary>
    /// <param name="options">The run's settings (limit, window, margin).</param>
    /// <param name="results">The many-organization results.</param>
    /// <param name="directory">Where to write the file.</param>
    public static string? Rate(HarnessOptions options, IReadOnlyList<OrganizationsResult> results, string directory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return null;
        }

        var organizations = results.Max(r => r.Organizations);
        var plot = new Plot();
        foreach (var result in results.Where(r => r.Organizations == organizations))
        {
            double[] seconds = [.. result.Timeline.Select(p => p.Seconds)];
            double[] rates = [.. result.Timeline.Select(p => p.PerSecond)];
            var line = plot.Add.ScatterLine(seconds, rates);
            line.LineWidth = 2;
            line.LegendText = result.Counting == TokenCounting.SourceIp
                ? $"tokens per source IP (TE): {result.Served} of {organizations} organizations hold one"
                : $"tokens per client id (not TE's rule): all {organizations} hold one";
        }

        var limit = plot.Add.HorizontalLine(options.AllowedRate, 2, Colors.Red, LinePattern.Dashed);
        limit.LegendText = string.Create(CultureInfo.InvariantCulture, $"sandbox's limit: {options.RequestLimit} per {options.Window.TotalSeconds:0.#} s");
        var cap = plot.Add.HorizontalLine(options.RequestLimit / (options.Window + options.SafetyMargin).TotalSeconds, 1, Colors.Gray, LinePattern.Dotted);
        cap.LegendText = string.Create(CultureInfo.InvariantCulture, $"TeGen's ceiling with its {options.SafetyMargin.TotalMilliseconds:0} ms margin");
        plot.Title($"{organizations} organizations on one egress: accepted requests per second over the trailing {options.Window.TotalSeconds:0.#} s");
        plot.XLabel("seconds since the first accepted request");
        plot.YLabel("requests per second");
        plot.Axes.SetLimitsY(0, options.AllowedRate * 1.25);
        plot.ShowLegend(Alignment.LowerCenter);
        return Save(plot, directory, $"throughput-{organizations}-organizations.png");
    }

    /// <summary>
    /// Organization B's call-time percentiles per fairness mode, on a logarithmic scale (first come, first served is two
    /// orders of magnitude above the others). Returns the file written, or null when no mode ran.
    /// </summary>
    /// <param name="options">The run's settings (slot, backlog).</param>
    /// <param name="results">The fairness results.</param>
    /// <param name="directory">Where to write the file.</param>
    public static string? Waits(HarnessOptions options, IReadOnlyList<FairnessResult> results, string directory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return null;
        }

        // Bars rise from 0.1 ms so that sub-millisecond values still show; the axis is log10 of milliseconds.
        const double Floor = -1;
        var plot = new Plot();
        (string Name, Func<FairnessResult, TimeSpan> Of, Color Color)[] percentiles =
        [
            ("p50", r => r.P50, Colors.SteelBlue),
            ("p95", r => r.P95, Colors.Orange),
            ("p99", r => r.P99, Colors.FireBrick),
        ];
        var bars = new List<Bar>();
        for (var m = 0; m < results.Count; m++)
        {
            for (var p = 0; p < percentiles.Length; p++)
            {
                var ms = Math.Max(0.1, percentiles[p].Of(results[m]).TotalMilliseconds);
                bars.Add(new Bar
                {
                    Position = (m * (percentiles.Length + 1)) + p,
                    Value = Math.Log10(ms),
                    ValueBase = Floor,
                    FillColor = percentiles[p].Color,
                    Label = ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture),
                });
            }
        }

        plot.Add.Bars(bars);
        foreach (var (name, _, color) in percentiles)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, FillColor = color });
        }

        var slot = plot.Add.HorizontalLine(Math.Log10(options.Slot.TotalMilliseconds), 1, Colors.Gray, LinePattern.Dashed);
        slot.LegendText = string.Create(CultureInfo.InvariantCulture, $"one slot ({options.Slot.TotalMilliseconds:0.#} ms)");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. results.Select((_, m) => (m * (percentiles.Length + 1)) + 1.0)],
            [.. results.Select(r => ResultTable.Label(r.Mode))]);
        var decades = Enumerable.Range(-1, 6).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. decades.Select(d => (double)d)],
            [.. decades.Select(d => Math.Pow(10, d).ToString("0.#", CultureInfo.InvariantCulture) + " ms")]);
        plot.Axes.SetLimitsY(Floor, Math.Max(2, bars.Max(b => b.Value) + 0.5));
        plot.Title($"Organization B's call time, one call at a time, while A keeps {options.Backlog} creates queued");
        plot.YLabel("call time (log scale)");
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, directory, "fairness-waits.png");
    }

    private static string Save(Plot plot, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        plot.SavePng(path, Width, Height);
        return path;
    }
}
