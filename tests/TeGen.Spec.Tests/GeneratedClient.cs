using System.Reflection;
using TeGen.Client;

namespace TeGen.Spec.Tests;

/// <summary>The code TeGen.Build generated from the spec into TeGen.Client, as the tests look it up.</summary>
internal static class GeneratedClient
{
    /// <summary>TeGen.Client.</summary>
    public static Assembly Assembly { get; } = typeof(TeOperation).Assembly;

    private static readonly Lazy<Dictionary<string, TeOperation>> Descriptors = new(() => Assembly.GetTypes()
        .Where(t => t.BaseType == typeof(TotalExpertClientBase))
        .SelectMany(t => (TeOperation[])t.GetProperty("Operations", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!)
        .ToDictionary(o => o.OperationId));

    /// <summary>The descriptor of every generated operation, by operationId.</summary>
    public static IReadOnlyDictionary<string, TeOperation> Operations => Descriptors.Value;

    /// <summary>The model generated for a component schema.</summary>
    public static Type Model(string schema) => Assembly.GetType("TeGen.Client." + schema, throwOnError: true)!;
}
