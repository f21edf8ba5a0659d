using System.Text.Json;
using TeGen.Client.Json;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Json;

/// <summary>
/// TE's date-only values (<c>format: date</c>, a contact's <c>birthday</c>) and date-times are read and written
/// culture-invariant; TE's "no date" and values that are no date leave a nullable date unset instead of failing the
/// record.
/// </summary>
public class TeDateTests
{
    // Cultures whose default calendar is not Gregorian: Thai Buddhist, Umm al-Qura (Hijri) and Persian.
    public static TheoryData<string> NonGregorianCultures => new() { "th-TH", "ar-SA", "fa-IR" };

    [Theory]
    [MemberData(nameof(NonGregorianCultures))]
    public void A_birthday_is_read_and_written_as_a_Gregorian_date_whatever_the_culture(string culture)
    {
        const string Json = """{"birthday":"1970-05-06"}""";
        var readInvariant = Deserialize<Contact>(Json);

        string writtenUnderCulture, roundTripUnderCulture;
        Contact readUnderCulture;
        using (new CultureScope(culture))
        {
            writtenUnderCulture = Serialize(readInvariant);
            readUnderCulture = Deserialize<Contact>(Json);
            roundTripUnderCulture = Serialize(Deserialize<Contact>(Json));
        }

        Assert.Equal(Json, writtenUnderCulture);
        Assert.Equal(Json, Serialize(readUnderCulture));
        Assert.Equal(Json, roundTripUnderCulture);
    }

    [Theory]
    [MemberData(nameof(NonGregorianCultures))]
    public void A_birthday_set_in_code_is_sent_as_yyyy_MM_dd_whatever_the_culture(string culture)
    {
        using var scope = new CultureScope(culture);

        var json = Serialize(new NewContact { Birthday = new DateOnly(1970, 5, 6) });
        var read = Deserialize<Contact>("""{"birthday":"1970-05-06"}""");

        Assert.Equal("""{"birthday":"1970-05-06"}""", json);
        Assert.Equal(new DateOnly(1970, 5, 6), read.Birthday);
    }

    [Theory]
    [MemberData(nameof(NonGregorianCultures))]
    public void Date_times_are_read_and_written_in_TE_format_whatever_the_culture(string culture)
    {
        using var scope = new CultureScope(culture);

        var read = Deserialize<Contact>("""{"close_date":"2016-12-26 10:30:00"}""");
        var json = Serialize(new NewContact { CloseDate = new DateTimeOffset(2025, 3, 4, 14, 5, 6, TimeSpan.Zero) });

        Assert.Equal(new DateTimeOffset(2016, 12, 26, 10, 30, 0, TimeSpan.Zero), read.CloseDate);
        Assert.Equal("""{"close_date":"2025-03-04 14:05:06"}""", json);
    }

    [Theory]
    [InlineData("\"0000-00-00\"")]
    [InlineData("\"0000-00-00 00:00:00\"")]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    [InlineData("null")]
    public void TEs_no_date_leaves_the_birthday_unset(string value)
    {
        var contact = Deserialize<Contact>($$"""{"first_name":"Ann","birthday":{{value}}}""");

        Assert.Null(contact.Birthday);
        Assert.Equal("Ann", contact.FirstName);
    }

    [Theory]
    [InlineData("\"not a date\"")]
    [InlineData("\"00/00/0000\"")]
    [InlineData("\"1970-13-45\"")]
    [InlineData("\"31.12.1970\"")]
    [InlineData("19700506")]
    [InlineData("true")]
    [InlineData("{\"y\": 1970}")]
    [InlineData("[1970, 5, 6]")]
    public void A_value_that_is_no_date_leaves_a_nullable_date_unset_and_the_record_readable(string value)
    {
        var contact = Deserialize<Contact>($$"""{"first_name":"Ann","birthday":{{value}},"close_date":{{value}},"last_name":"Lee"}""");

        Assert.Null(contact.Birthday);
        Assert.Null(contact.CloseDate);
        Assert.Equal(("Ann", "Lee"), (contact.FirstName, contact.LastName));
        // Unset dates are not sent back, so TE's stored text survives a read-modify-write.
        Assert.DoesNotContain("birthday", Serialize(contact));
    }

    [Theory]
    [InlineData("1970-05-06", 1970, 5, 6)]
    [InlineData("1970-05-06 00:00:00", 1970, 5, 6)]
    [InlineData("1970-05-06T23:30:00-05:00", 1970, 5, 6)]
    [InlineData("05/06/1970", 1970, 5, 6)]
    public void Date_only_values_read_in_TE_forms_keep_the_calendar_date_as_written(string text, int year, int month, int day)
    {
        var contact = Deserialize<Contact>($$"""{"birthday":"{{text}}"}""");
        Assert.Equal(new DateOnly(year, month, day), contact.Birthday);
    }

    [Fact]
    public void A_required_date_that_is_no_date_fails_without_repeating_the_value()
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateOnly>("\"1970-13-45\"", TeJson.Options));

        Assert.Contains("YYYY-MM-DD", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1970-13-45", e.Message);
    }

    [Fact]
    public async Task A_birthday_sent_under_a_Hijri_culture_reaches_TE_and_comes_back_as_the_same_date()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        Contact read;
        using (new CultureScope("ar-SA"))
        {
            var contact = SandboxClients.Contact(sandbox, 1);
            contact.Birthday = new DateOnly(1970, 11, 23);
            var created = await admin.Contacts.CreateContactAsync(contact);
            read = await admin.Contacts.GetContactAsync(created.Id);
        }

        Assert.Equal(new DateOnly(1970, 11, 23), read.Birthday);
    }

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, TeJson.Options)!;

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TeJson.Options);
}
