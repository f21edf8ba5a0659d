using System.Text.Json;
using TeGen.Client.Json;

namespace TeGen.Client.Tests.Json;

/// <summary>
/// TE's enumerations are open string value types: a value TE added after this SDK was built is read, kept and written
/// back unchanged, never failing the record it belongs to.
/// </summary>
public class TeEnumTests
{
    [Fact]
    public void An_unknown_value_is_read_and_written_back_unchanged()
    {
        const string Json = """{"first_name":"Ann","last_name":"Lee","credit_score":"Outstanding"}""";

        var contact = JsonSerializer.Deserialize<Contact>(Json, TeJson.Options)!;

        Assert.Equal(("Ann", "Lee"), (contact.FirstName, contact.LastName));
        Assert.Equal(Json, JsonSerializer.Serialize(contact, TeJson.Options));
        Assert.Equal("Outstanding", contact.CreditScore!.Value.Value);
        Assert.False(contact.CreditScore.Value.IsKnown);
    }

    [Fact]
    public void Known_values_read_as_the_named_values_with_TE_spelling()
    {
        var contact = JsonSerializer.Deserialize<Contact>("""{"credit_score":"Very Poor"}""", TeJson.Options)!;

        Assert.Equal(CreditScore.VeryPoor, contact.CreditScore);
        Assert.True(contact.CreditScore!.Value.IsKnown);
        Assert.Equal("Very Poor", CreditScore.VeryPoor.ToString());
    }

    [Fact]
    public void A_number_is_kept_as_an_unknown_value_carrying_its_text()
    {
        // Not silently a member (a C# enum would have read (CreditScore)7), not a failed record either.
        var contact = JsonSerializer.Deserialize<Contact>("""{"credit_score":7,"first_name":"Ann"}""", TeJson.Options)!;

        Assert.Equal("Ann", contact.FirstName);
        Assert.Equal(new CreditScore("7"), contact.CreditScore);
        Assert.False(contact.CreditScore!.Value.IsKnown);
        Assert.Contains("\"credit_score\":\"7\"", JsonSerializer.Serialize(contact, TeJson.Options));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[\"Good\"]")]
    [InlineData("true")]
    public void A_value_of_another_JSON_kind_fails_naming_the_type_and_path(string value)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Contact>($$"""{"credit_score":{{value}}}""", TeJson.Options));

        Assert.Contains(nameof(CreditScore), e.Message);
        Assert.Equal("$.credit_score", e.Path);
    }

    [Fact]
    public void Values_compare_by_wire_value_and_convert_from_strings()
    {
        CreditScore fromString = "Good";

        Assert.Equal(CreditScore.Good, fromString);
        Assert.True(fromString == CreditScore.Good);
        Assert.True(new CreditScore("good") != CreditScore.Good);
        Assert.Equal(CreditScore.Good.GetHashCode(), new CreditScore("Good").GetHashCode());
        Assert.Throws<ArgumentNullException>(() => new CreditScore(null!));
    }

    [Fact]
    public void The_grant_type_keeps_its_wire_value_in_requests_and_ToString()
    {
        var json = JsonSerializer.Serialize(new TokenRequest { GrantType = TokenGrantType.ClientCredentials }, TeJson.Options);

        Assert.Equal("""{"grant_type":"client_credentials"}""", json);
        Assert.Equal("client_credentials", TokenGrantType.ClientCredentials.ToString());
        Assert.Equal("authorization_code", TokenGrantType.AuthorizationCode.ToString());
        Assert.Equal("refresh_token", TokenGrantType.RefreshToken.ToString());
    }

    [Fact]
    public void An_unset_required_value_is_sent_as_null_rather_than_a_made_up_member()
    {
        // A C# enum's default would have sent "client_credentials" for a grant nobody chose.
        var json = JsonSerializer.Serialize(new TokenRequest(), TeJson.Options);

        Assert.Equal("""{"grant_type":null}""", json);
        Assert.False(default(TokenGrantType).IsKnown);
        Assert.Equal("", default(TokenGrantType).ToString());
    }
}
