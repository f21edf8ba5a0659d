namespace TeGen.Client.Redis.TestHost;

/// <summary>The child's settings, given as <c>name=value</c> arguments.</summary>
internal sealed class HostArguments(IReadOnlyDictionary<string, string> values)
{
    public static HostArguments Parse(string[] args) =>
        new(args.Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal));

    public string this[string name] => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"missing argument {name}=");

    public string? Optional(string name) => values.GetValueOrDefault(name);

    public int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
