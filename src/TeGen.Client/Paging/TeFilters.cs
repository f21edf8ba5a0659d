using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;

namespace TeGen.Client;

/// <summary>
/// Writes a generated filter model (a schema the spec names in a list's <c>x-te-filter</c>, e.g. <c>LoanFilter</c>)
/// as TE's <c>filter</c> text, <c>field=value,field=value</c>, from the members that are set. The generated list
/// overloads taking the model call it; it refuses, before anything is sent and naming the member, what TE would
/// refuse or misread: a condition without the one it needs (<see cref="TeFilterRequiresAttribute"/>), a text shorter
/// than its documented minimum, and a value holding a comma, which TE's format cannot carry.
/// Date bounds are written in ISO 8601 UTC (<c>2024-05-01T00:00:00Z</c>), the form TE's filters take.
/// </summary>
public static class TeFilters
{
    private static readonly ConcurrentDictionary<Type, Condition[]> Conditions = new();

    /// <summary>The filter text of <paramref name="filter"/>, or <c>null</c> when it is <c>null</c> or sets nothing.</summary>
    /// <param name="filter">A generated filter model.</param>
    /// <param name="operation">The list operation it is for, named in a refusal.</param>
    /// <exception cref="TotalExpertRequestValidationException">A condition TE would refuse.</exception>
    public static string? Format(object? filter, string operation)
    {
        if (filter is null)
        {
            return null;
        }

        var conditions = Conditions.GetOrAdd(filter.GetType(), Read);
        var given = new List<(Condition Condition, string Text)>();
        foreach (var condition in conditions)
        {
            if (condition.Property.GetValue(filter) is { } value && Text(value) is { } text)
            {
                given.Add((condition, text));
            }
        }

        var problems = new List<RequestProblem>();
        foreach (var (condition, text) in given)
        {
            if (text.Contains(',', StringComparison.Ordinal))
            {
                problems.Add(new(condition.Name, "contains a comma, which TE's filter format cannot carry (conditions are separated by commas)"));
            }

            if (condition.MinLength is { } min && text.Length < min)
            {
                problems.Add(new(condition.Name, $"needs at least {min} characters"));
            }

            foreach (var other in condition.Requires.Where(other => !given.Any(g => g.Condition.Name == other)))
            {
                problems.Add(new(condition.Name, $"TE accepts it only together with {other}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new TotalExpertRequestValidationException(operation, problems);
        }

        if (given.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var (condition, text) in given)
        {
            builder.Append(builder.Length == 0 ? "" : ",").Append(condition.Name).Append('=').Append(text);
        }

        return builder.ToString();
    }

    private static string? Text(object value) => value switch
    {
        string text => text.Length == 0 ? null : text,
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "1" : "0",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() is { Length: > 0 } text ? text : null,
    };

    private static Condition[] Read(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetCustomAttribute<JsonExtensionDataAttribute>() is null && property.GetIndexParameters().Length == 0)
            .Select(property => new Condition(
                property,
                property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name,
                property.GetCustomAttribute<StringLengthAttribute>()?.MinimumLength is > 0 and var length ? length
                    : property.GetCustomAttribute<MinLengthAttribute>()?.Length,
                [.. property.GetCustomAttributes<TeFilterRequiresAttribute>().Select(requires => requires.Other)])),
    ];

    private sealed record Condition(PropertyInfo Property, string Name, int? MinLength, string[] Requires);
}
