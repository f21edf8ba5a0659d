namespace TeGen.Tool.Progress;

/// <summary>Which progress display an import shows (<c>--progress</c>).</summary>
internal enum ProgressMode
{
    /// <summary>A live bar when standard output is a terminal, plain lines when it is redirected, none with <c>--output json</c>.</summary>
    Auto,

    /// <summary>The live bar, even when redirected.</summary>
    Live,

    /// <summary>Plain lines.</summary>
    Plain,

    /// <summary>None.</summary>
    None,
}
