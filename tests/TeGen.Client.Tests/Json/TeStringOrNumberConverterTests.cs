using System.Text.Json;
using TeGen.Client.Json;

namespace TeGen.Client.Tests.Json;

/// <summary>An id TE sends as a string or as a number reads as a string and is written as one.</summary>
public class TeStringOrNumberConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new TeStringOrNumberConverter() } };

    [Theory]
    [InlineData("1234", "1234")]
    [InlineData("\"1234\"", "1234")]
    [InlineData("\"1234abcd7\"", "1234abcd7")]
    [InlineData("12345678901234567890", "12345678901234567890")] // beyond long: kept as spelled
    [InlineData("null", null)]
    public void A_number_or_a_string_reads_as_the_string(string json, string? expected) =>
        Assert.Equal(expected, JsonSerializer.Deserialize<string?>(json, Options));

    [Theory]
    [InlineData("1234")]
    [InlineData("\"1234\"")]
    [InlineData("\"1234abcd7\"")]
    public void What_was_read_is_written_back_as_a_string(string json)
    {
        var id = JsonSerializer.Deserialize<string>(json, Options);

        Assert.Equal($"\"{id}\"", JsonSerializer.Serialize(id, Options));
    }

    [Fact]
    public void Null_is_written_as_null() => Assert.Equal("null", JsonSerializer.Serialize<string?>(null, Options));

    [Theory]
    [InlineData("true")]
    [InlineData("{\"id\":\"secret-ish\"}")]
    [InlineData("[\"secret-ish\"]")]
    public void Anything_else_fails_clearly_without_repeating_the_value(string json)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<string>(json, Options));

        Assert.Contains("TE id", e.Message);
        Assert.DoesNotContain("secret-ish", e.Message);
    }
}
