using System.Collections;
using System.Globalization;

namespace TeGen.Client.Surveys;

/// <summary>
/// A contact's answers keyed by question <c>system_name</c>:
/// <c>new SurveyAnswers { { "max_price", 265000m }, { "first_home", "yes" } }</c>. Numbers are written with the
/// invariant culture; a choice is given by its value or its system name.
/// </summary>
public sealed class SurveyAnswers : IEnumerable<KeyValuePair<string, string>>
{
    private readonly Dictionary<string, string> _answers = new(StringComparer.Ordinal);

    /// <summary>The number of answers.</summary>
    public int Count => _answers.Count;

    /// <summary>Sets the answer to a question.</summary>
    /// <param name="systemName">The question's system name.</param>
    public string this[string systemName]
    {
        get => _answers[systemName];
        set => _answers[systemName] = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Adds a text or choice answer.</summary>
    /// <param name="systemName">The question's system name.</param>
    /// <param name="value">The answer.</param>
    public void Add(string systemName, string value) => _answers.Add(systemName, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Adds a numeric answer.</summary>
    /// <param name="systemName">The question's system name.</param>
    /// <param name="value">The answer.</param>
    public void Add(string systemName, decimal value) => _answers.Add(systemName, value.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _answers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
