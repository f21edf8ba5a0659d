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

    /// <summary>Checks that an enum setting holds one of its named values (a bound number can hold any).</summary>
    public void Defined<TEnum>(string setting, TEnum value)
        where TEnum : struct, Enum =>
        That(setting, Enum.IsDefined(value), $"must be {string.Join(" or ", Enum.GetNames<TEnum>())} (got {Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)})");

    public void Within<T>(string setting, T value, T min, T max, string? why = null)
        where T : IComparable<T> =>
        That(setting, value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0, $"must be between {min} and {max} (got {value}){(why is null ? "" : " " + why)}");
}
