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
        var accepted = requests.Where(r => r.Status is >= 200 and < 300).Select(r => r.Timestamp).Order().ToList();
        var allowances = (accepted.Count - 1) / limit;
        if (allowances == 0)
        {
            return double.NaN;
        }

        var span = accepted[allowances * limit] - accepted[0];
        return span > TimeSpan.Zero ? allowances * limit / span.TotalSeconds : double.NaN;
    }
}
