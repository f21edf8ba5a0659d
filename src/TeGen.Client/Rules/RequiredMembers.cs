using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization;

namespace TeGen.Client.Rules;

/// <summary>
/// The members the spec marks required on a request body (generated as <see cref="RequiredAttribute"/>), checked before
/// sending: present, not blank, a non-empty list, and a reference (<c>ContactRef</c>, <c>InsightTypeRef</c>, ...) that
/// names something. The generated models initialize required references to empty objects, so without this a note
/// without a contact would be sent as <c>"contact": {}</c> and earn TE's 422.
/// </summary>
internal static class RequiredMembers
{
    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    public static void Check(object body, List<RequestProblem> problems) => Check(body, "", problems, depth: 0);

    private static void Check(object body, string prefix, List<RequestProblem> problems, int depth)
    {
        foreach (var member in Members.GetOrAdd(body.GetType(), Describe))
        {
            var field = prefix + member.JsonName;
            switch (member.Property.GetValue(body))
            {
                case null:
                    problems.Add(new(field, "is required"));
                    break;
                case string text when string.IsNullOrWhiteSpace(text):
                    problems.Add(new(field, "is required and cannot be empty"));
                    break;
                case string:
                    break;
                case ICollection { Count: 0 }:
                    problems.Add(new(field, "is required and cannot be empty"));
                    break;
                case var reference when IsReference(reference.GetType()):
                    if (!NamesSomething(reference))
                    {
                        problems.Add(new(field, $"is required: set the {reference.GetType().Name}'s {string.Join(", ", JsonNames(reference.GetType()))} to name one"));
                    }

                    break;
                case var nested when depth < 4 && IsModel(nested.GetType()):
                    Check(nested, field + ".", problems, depth + 1);
                    break;
            }
        }
    }

    private static Member[] Describe(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null && p.GetMethod is not null)
            .Select(p => new Member(p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name))];

    // The spec's references to other records are named *Ref (ContactRef, OwnerRef, InsightTypeRef, ...).
    private static bool IsReference(Type type) => IsModel(type) && type.Name.EndsWith("Ref", StringComparison.Ordinal);

    private static bool IsModel(Type type) => type.Assembly == typeof(RequiredMembers).Assembly && type.IsClass && !typeof(IEnumerable).IsAssignableFrom(type);

    private static bool NamesSomething(object reference) =>
        JsonProperties(reference.GetType()).Any(p => p.GetValue(reference) switch
        {
            null => false,
            string text => !string.IsNullOrWhiteSpace(text),
            _ => true,
        });

    private static IEnumerable<PropertyInfo> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null);

    private static IEnumerable<string> JsonNames(Type type) => JsonProperties(type).Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name);

    private sealed record Member(PropertyInfo Property, string JsonName);
}
