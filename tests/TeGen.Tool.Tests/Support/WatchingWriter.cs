using System.Text;

namespace TeGen.Tool.Tests.Support;

/// <summary>Captures what is written and completes <see cref="Reached"/> on the first line that satisfies a condition.</summary>
internal sealed class WatchingWriter(Func<string, bool> condition) : TextWriter
{
    private readonly StringBuilder _all = new();
    private readonly StringBuilder _line = new();
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public Task Reached => _reached.Task;

    public override void Write(char value)
    {
        lock (_all)
        {
            _all.Append(value);
            if (value != '\n')
            {
                _line.Append(value);
                return;
            }

            if (condition(_line.ToString().TrimEnd('\r')))
            {
                _reached.TrySetResult();
            }

            _line.Clear();
        }
    }

    public override string ToString()
    {
        lock (_all)
        {
            return _all.ToString();
        }
    }
}
