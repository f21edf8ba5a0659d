namespace TeGen.Client;

/// <summary>Collects the first problem among settings checked in order; used by the options' validation.</summary>
internal sealed class OptionChecks
{
    public (string Setting, string Message)? First { get; private set; }

    public void That(string setting, bool valid, string problem)
    {
        if (!valid && First is null)
        {
            First = (setting, problem);
        }
    }

    public void Within<T>(string setting, T value, T min, T max, string? why = null)
        where T : IComparable<T> =>
        That(setting, value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0, $"must be between {min} and {max} (got {value}){(why is null ? "" : " " + why)}");
}
