using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization;

namespace TeGen.Client.Rules;

/// <summary>
/// The members the spec marks required on a request body, checked before sending: present, not blank, a non-empty list,
/// and a reference (<c>ContactRef</c>, <c>InsightTypeRef</c>, ...) that names something. The body's own required members
/// are those its operation's generated method lists in <see cref="TeRequiredMembersAttribute"/> (allOf parts included:
/// a group's <c>group_name</c> is declared by <c>ContactGroupFields</c>, required by <c>NewContactGroup</c>) and those
/// generated as <see cref="RequiredAttribute"/>; members of nested models are those generated as
/// <see cref="RequiredAttribute"/>. The generated models initialize required references to empty objects, so without
/// this a note without a contact would be sent as <c>"contact": {}</c> and earn TE's 422.
/// </summary>
internal static class RequiredMembers
{
    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    private static readonly ConcurrentDictionary<(Type Body, string OperationId), Member[]> BodyMembers = new();

    // Generated client methods are named after their operation (CreateContactGroup -> CreateContactGroupAsync), as the
    // descriptors are: the names are read once, from the methods that carry them.
    private static readonly Lazy<Dictionary<string, string[]>> NamesByOperation = new(ReadGeneratedNames);

    /// <summary>Checks the body of <paramref name="operation"/> and, within depth, the models it holds.</summary>
    public static void Check(TeOperation operation, object body, List<RequestProblem> problems) =>
        Check(body, BodyMembers.GetOrAdd((body.GetType(), operation.OperationId), static key => Describe(key.Body, Names(key.OperationId))), "", problems, depth: 0);

    // The JSON members the body of the operation requires, as generated from the spec.
    private static IReadOnlyList<string> Names(string operationId) =>
        NamesByOperation.Value.TryGetValue(operationId, out var names) ? names : [];

    private static void Check(object body, Member[] members, string prefix, List<RequestProblem> problems, int depth)
    {
        foreach (var member in members)
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
                // A string-backed enumeration (SmsStatus, ...) left at its default has no wire value and is not sent.
                case var value when value.GetType().IsValueType && string.IsNullOrEmpty(value.ToString()):
                    problems.Add(new(field, "is required"));
                    break;
                case var reference when IsReference(reference.GetType()):
                    if (!NamesSomething(reference))
                    {
                        problems.Add(new(field, $"is required: set the {reference.GetType().Name}'s {string.Join(", ", JsonNames(reference.GetType()))} to name one"));
                    }

                    break;
                case var nested when depth < 4 && IsModel(nested.GetType()):
                    Check(nested, Members.GetOrAdd(nested.GetType(), static type => Describe(type, [])), field + ".", problems, depth + 1);
                    break;
            }
        }
    }

    // The members generated as [Required] and those named in jsonNames, in declaration order.
    private static Member[] Describe(Type type, IReadOnlyList<string> jsonNames) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null)
            .Select(p => new Member(p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name))
            .Where(m => m.Property.GetCustomAttribute<RequiredAttribute>() is not null || jsonNames.Contains(m.JsonName))];

    private static Dictionary<string, string[]> ReadGeneratedNames() =>
        typeof(RequiredMembers).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(TotalExpertClientBase)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<TeRequiredMembersAttribute>()))
            .Where(m => m.Attribute is not null && m.Method.Name.EndsWith("Async", StringComparison.Ordinal))
            .GroupBy(m => m.Method.Name[..^"Async".Length], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(m => m.Attribute!.JsonNames).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

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

    // Read once per type: a reference is checked on every create that holds one.
    private static PropertyInfo[] JsonProperties(Type type) =>
        ReferenceMembers.GetOrAdd(type, static t => [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)]);

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> ReferenceMembers = new();

    private static IEnumerable<string> JsonNames(Type type) => JsonProperties(type).Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name);

    private sealed record Member(PropertyInfo Property, string JsonName);
}
