using System.Globalization;

namespace TeGen.Tool.Progress;

/// <summary>The numbers of a progress frame as text, shared by the live bar and the plain lines.</summary>
internal static class ProgressText
{
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(ImportSnapshot s) => (s.Fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Rate(ImportSnapshot s) => s.RowsPerSecond.ToString("0.0", CultureInfo.InvariantCulture) + " rows/s";

    public static string Eta(ImportSnapshot s) => s.Remaining is { } left ? left.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--";

    /// <summary>One line for logs and CI: <c>1,200/2,000 60% 16.4 rows/s ETA 00:00:48 created 1,180 duplicate 20 failed 0 invalid 3</c>.</summary>
    public static string Line(ImportSnapshot s) =>
        $"{Count(s.Done)}/{Count(s.Total)} {Percent(s)} {Rate(s)} ETA {Eta(s)} created {Count(s.Created)} duplicate {Count(s.Duplicates)} failed {Count(s.Failed)} invalid {Count(s.Invalid)}";
}
