using System.Text;

namespace TeGen.Build.NSwag;

/// <summary>Splits a command line as a shell would for NSwag's switches: on spaces, honouring double quotes.</summary>
public static class CommandLine
{
    /// <summary><c>dotnet "/a b/nswag.dll" /x:1</c> → <c>dotnet</c>, <c>/a b/nswag.dll</c>, <c>/x:1</c>.</summary>
    public static IReadOnlyList<string> Split(string? commandLine)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in commandLine ?? string.Empty)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                Flush();
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        Flush();
        return parts;

        void Flush()
        {
            if (any)
            {
                parts.Add(current.ToString());
            }

            current.Clear();
            any = false;
        }
    }
}
