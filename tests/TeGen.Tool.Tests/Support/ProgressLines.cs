using System.Globalization;

namespace TeGen.Tool.Tests.Support;

/// <summary>Reads the plain progress lines of <c>tegen import</c> (<c>1,200/2,000 60% ...</c>).</summary>
internal static class ProgressLines
{
    /// <summary>The rows done a progress line reports, or -1 for any other line.</summary>
    public static int Done(string line)
    {
        var slash = line.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && int.TryParse(line[..slash], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var done) ? done : -1;
    }
}
