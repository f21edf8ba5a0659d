using Spectre.Console;
using Spectre.Console.Rendering;

namespace TeGen.Tool.Progress;

/// <summary>One frame of the live progress display: the bar with done / total, then rate, ETA and the outcome counts.</summary>
internal static class ProgressView
{
    public const int BarWidth = 40;

    public static IRenderable Render(string title, ImportSnapshot s)
    {
        var filled = (int)Math.Round(s.Fraction * BarWidth);
        var bar = $"[green]{new string('━', filled)}[/][grey]{new string('━', BarWidth - filled)}[/]";
        var first = $"{Markup.Escape(title)}  {bar}  {ProgressText.Count(s.Done)} / {ProgressText.Count(s.Total)}  {ProgressText.Percent(s)}";
        var second = $"{ProgressText.Rate(s)}  ETA {ProgressText.Eta(s)}  " +
            $"[green]created {ProgressText.Count(s.Created)}[/]  [blue]duplicate {ProgressText.Count(s.Duplicates)}[/]  " +
            $"[red]failed {ProgressText.Count(s.Failed)}[/]  [yellow]invalid {ProgressText.Count(s.Invalid)}[/]" +
            (s.Resumed > 0 ? $"  [grey]resumed {ProgressText.Count(s.Resumed)}[/]" : "");
        return new Rows(new Markup(first), new Markup(second));
    }
}
