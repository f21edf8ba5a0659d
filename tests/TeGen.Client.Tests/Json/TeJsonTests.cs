using System.Text.Json;
using TeGen.Client.Json;

namespace TeGen.Client.Tests.Json;

/// <summary>Each TE JSON quirk (docs/te-api.md) read by the generated models with TeGen's serializer settings.</summary>
public class TeJsonTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"True\"", true)]
    [InlineData("\"False\"", false)]
    [InlineData("\"true\"", true)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"1\"", true)]
    [InlineData("\"0\"", false)]
    public void Booleans_read_in_every_TE_form(string json, bool expected)
    {
        var contact = JsonSerializer.Deserialize<Contact>($$"""{"ok_to_call": {{json}}}""", TeJson.Options)!;
        Assert.Equal(expected, contact.OkToCall);
    }

    [Fact]
    public void Booleans_are_written_as_one_and_zero()
    {
        var json = JsonSerializer.Serialize(new NewContact { OkToCall = true, OkToEmail = false }, TeJson.Options);
        Assert.Contains("\"ok_to_call\":1", json);
        Assert.Contains("\"ok_to_email\":0", json);
    }

    [Fact]
    public void A_boolean_that_is_not_one_fails_clearly_without_repeating_the_value()
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Contact>("""{"ok_to_call": "maybe"}""", TeJson.Options));
        Assert.Contains("TE boolean", e.Message);
        Assert.Equal("$.ok_to_call", e.Path);
        Assert.DoesNotContain("maybe", e.Message);
    }

    [Theory]
    [InlineData("2016-12-26 10:30:00", "2016-12-26T10:30:00+00:00")]
    [InlineData("2016-12-26", "2016-12-26T00:00:00+00:00")]
    [InlineData("2021-01-28T16:21:40.000000Z", "2021-01-28T16:21:40+00:00")]
    [InlineData("2024-01-15T10:30:00Z", "2024-01-15T10:30:00+00:00")]
    [InlineData("2024-01-15T12:30:00+02:00", "2024-01-15T10:30:00+00:00")]
    public void Dates_read_in_every_TE_form_as_UTC(string text, string expected)
    {
        var contact = JsonSerializer.Deserialize<Contact>($$"""{"close_date": "{{text}}"}""", TeJson.Options)!;
        Assert.Equal(DateTimeOffset.Parse(expected), contact.CloseDate);
        Assert.Equal(TimeSpan.Zero, contact.CloseDate!.Value.Offset);
    }

    [Theory]
    [InlineData("\"0000-00-00 00:00:00\"")]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void The_zero_date_and_empty_values_read_as_no_date(string json)
    {
        var contact = JsonSerializer.Deserialize<Contact>($$"""{"close_date": {{json}}}""", TeJson.Options)!;
        Assert.Null(contact.CloseDate);
    }

    [Fact]
    public void Dates_are_written_in_TE_format_in_UTC()
    {
        var local = new DateTimeOffset(2025, 3, 4, 8, 5, 6, TimeSpan.FromHours(-6));
        var json = JsonSerializer.Serialize(new NewContact { CloseDate = local }, TeJson.Options);
        Assert.Contains("\"close_date\":\"2025-03-04 14:05:06\"", json);
    }

    [Fact]
    public void Integers_and_ids_read_from_strings_or_numbers()
    {
        var survey = JsonSerializer.Deserialize<ContactSurvey>(
            """{"id": "69003b93703638cf", "questions": [{"id": "a1", "sort_order": "3", "question_text": "q", "system_name": "s", "data_type": "text"}]}""",
            TeJson.Options)!;
        Assert.Equal(3, survey.Questions!.Single().SortOrder);

        var owners = JsonSerializer.Deserialize<Contact[]>("""[{"owner": {"id": "59"}}, {"owner": {"id": 65412}}]""", TeJson.Options)!;
        Assert.Equal([59L, 65412L], owners.Select(c => c.Owner!.Id!.Value));
    }

    [Fact]
    public void Unknown_fields_are_kept_and_written_back()
    {
        var contact = JsonSerializer.Deserialize<Contact>("""{"first_name": "Ann", "favourite_colour": "teal"}""", TeJson.Options)!;
        Assert.Equal("teal", contact.AdditionalProperties["favourite_colour"].ToString());
        Assert.Contains("\"favourite_colour\":\"teal\"", JsonSerializer.Serialize(contact, TeJson.Options));
    }

    [Fact]
    public void Unset_fields_are_not_sent_and_enum_values_keep_TE_spelling()
    {
        var json = JsonSerializer.Serialize(new NewContact { FirstName = "Ann", CreditScore = CreditScore.VeryPoor }, TeJson.Options);
        Assert.Equal("""{"first_name":"Ann","credit_score":"Very Poor"}""", json);
    }

    [Fact]
    public void A_custom_field_cleared_with_null_sends_the_null()
    {
        var json = JsonSerializer.Serialize(new CustomFieldValue { FieldName = "loan_goal", Value = null }, TeJson.Options);
        Assert.Equal("""{"field_name":"loan_goal","value":null}""", json);
    }
}
