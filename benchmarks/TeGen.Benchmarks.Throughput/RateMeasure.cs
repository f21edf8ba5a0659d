using TeGen.Sandbox.Inspection;

namespace TeGen.Benchmarks.Throughput;

/// <summary>
/// The sustained request rate of a run, from the sandbox's own arrival times. Dividing all requests by the elapsed
/// time misleads on a run of a few windows: a limiter may send a whole window's allowance at once at the start, and a
/// run whose last request opens a new window is charged a whole window for it. Instead, with <c>m</c> the number of
/// complete allowances after the first accepted request, the rate is <c>m × limit</c> requests over the time from the
/// first accepted request to the first one of allowance <c>m + 1</c>: how fast the client gets through allowances. A
/// client that waits exactly one window per allowance scores the allowed rate.
/// </summary>
internal static class RateMeasure
{
    public static double Sustained(IEnumerable<RequestLogEntry> requests, int limit)
    {
        var accepted = Accepted(requests);
        var allowances = (accepted.Count - 1) / limit;
        if (allowances == 0)
        {
            return double.NaN;
        }

        var span = accepted[allowances * limit] - accepted[0];
        return span > TimeSpan.Zero ? allowances * limit / span.TotalSeconds : double.NaN;
    }

    /// <summary>
    /// The rate over the trailing <paramref name="window"/>, every <paramref name="step"/> from the first accepted
    /// request to one window after the last: what the server's limit is compared with, so a chart of it shows how close
    /// to the limit a run stays and whether it ever goes over.
    /// </summary>
    public static IReadOnlyList<RatePoint> Timeline(IEnumerable<RequestLogEntry> requests, TimeSpan window, TimeSpan step)
    {
        var accepted = Accepted(requests);
        if (accepted.Count == 0)
        {
            return [];
        }

        var points = new List<RatePoint>();
        int from = 0, to = 0;
        for (var at = accepted[0]; at <= accepted[^1] + window; at += step)
        {
            while (to < accepted.Count && accepted[to] <= at)
            {
                to++;
            }

            while (from < to && accepted[from] <= at - window)
            {
                from++;
            }

            points.Add(new RatePoint((at - accepted[0]).TotalSeconds, (to - from) / window.TotalSeconds));
        }

        return points;
    }

    /// <summary>The value below which <paramref name="percent"/> % of <paramref name="values"/> lie (nearest rank); NaN for none.</summary>
    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static List<DateTimeOffset> Accepted(IEnumerable<RequestLogEntry> requests) =>
        requests.Where(r => r.Status is >= 200 and < 300).Select(r => r.Timestamp).Order().ToList();
}
