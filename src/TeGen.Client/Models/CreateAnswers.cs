using System.Text.Json;

namespace TeGen.Client;

/// <summary>What a create answer without a usable id is, for both id kinds.</summary>
internal static class CreateAnswers
{
    // Surfaces as a TotalExpertProtocolException naming the call (Json/TeResponseReader).
    public static JsonException WithoutId(string expected) =>
        new($"TE's create answer has no usable id (expected {expected}).");
}
