using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TeGen.Build.Specs;

/// <summary>
/// Where unreadable YAML went wrong. YamlDotNet sometimes fails without a position (an unterminated flow mapping
/// ends in an InvalidOperationException), so the text is read again event by event: the innermost collection
/// still open when reading stopped is where the author must look.
/// </summary>
internal static class YamlFailurePosition
{
    public static Mark Find(string text)
    {
        var open = new Stack<Mark>();
        var last = Mark.Empty;
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.Start;
                switch (current)
                {
                    case MappingStart or SequenceStart:
                        open.Push(current.Start);
                        break;
                    case MappingEnd or SequenceEnd when open.Count > 0:
                        open.Pop();
                        break;
                }
            }
        }
        catch (YamlException exception)
        {
            return open.Count > 0 ? open.Peek() : exception.Start;
        }
        catch (InvalidOperationException)
        {
            // As above, without the exception's position to fall back on.
        }

        return open.Count > 0 ? open.Peek() : last;
    }
}
