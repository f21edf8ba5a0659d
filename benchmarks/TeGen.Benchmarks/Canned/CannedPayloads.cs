using System.Globalization;
using System.Text.Json;

namespace TeGen.Benchmarks.Canned;

/// <summary>
/// TE response bodies as TE writes them, built once: a fully populated contact (dates as
/// <c>YYYY-MM-DD hh:mm:ss</c>, a date-only birthday, owner, groups, external ids, a custom field), a page of 100 such
/// contacts, a create reply, a token reply, and a survey with 20 questions whose <c>sort_order</c>s arrive as strings.
/// </summary>
public static class CannedPayloads
{
    /// <summary>The id every canned contact and create reply carries first.</summary>
    public const long ContactId = 56495;

    /// <summary>The id of the canned survey.</summary>
    public const string SurveyId = "69003b93703638cf";

    /// <summary>The canned access token.</summary>
    public const string AccessToken = "3f0c8d5a7b1e4c2d9a6f0e8b7c5d3a1f2e4b6c8d";

    /// <summary><c>POST /v1/token</c> reply.</summary>
    public static byte[] Token { get; } = Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("access_token", AccessToken);
        w.WriteNumber("expires_in", 3600);
        w.WriteString("token_type", "Bearer");
        w.WriteString("scope", "leadInteraction leadSurveyInteraction");
        w.WriteEndObject();
    });

    /// <summary><c>GET /v1/contacts/{id}</c> reply.</summary>
    public static byte[] Contact { get; } = Write(w => WriteContact(w, 0));

    /// <summary><c>GET /v1/contacts?page[size]=100</c> reply.</summary>
    public static byte[] ContactPage { get; } = Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("items");
        for (var i = 0; i < 100; i++)
        {
            WriteContact(w, i);
        }

        w.WriteEndArray();
        w.WriteStartObject("links");
        w.WriteNumber("first", 1);
        w.WriteNumber("last", 12);
        w.WriteNumber("next", 2);
        w.WriteNull("prev");
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary><c>POST /v1/contacts</c> reply (201).</summary>
    public static byte[] ContactCreated { get; } = Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("created", $"public.totalexpert.net/v1/contacts/{ContactId}");
        w.WriteNumber("id", ContactId);
        w.WriteEndObject();
    });

    /// <summary><c>GET /v1/contact-surveys/{id}</c> reply: 20 questions, a third of them multiple choice.</summary>
    public static byte[] Survey { get; } = Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", SurveyId);
        w.WriteString("survey_name", "First Time Buyer Funnel");
        w.WriteString("source", "Website");
        w.WriteString("version", "1.3");
        w.WriteNull("external_id");
        w.WriteString("internal_created_at", "2024-01-15 10:30:00");
        w.WriteStartArray("questions");
        for (var q = 0; q < 20; q++)
        {
            w.WriteStartObject();
            w.WriteString("id", $"6900{q:x12}");
            w.WriteString("question_text", $"Question {q + 1}: what is your answer to this part of the funnel?");
            w.WriteString("system_name", $"question_{q + 1}");
            var type = (q % 3) switch { 0 => "choice", 1 => "text", _ => "decimal" };
            w.WriteString("data_type", type);
            w.WriteString("sort_order", Text(q));
            if (type == "choice")
            {
                w.WriteStartArray("possible_choice_answers");
                string[] answers = ["Absolutely!", "Maybe later", "Not at all"];
                for (var a = 0; a < answers.Length; a++)
                {
                    w.WriteStartObject();
                    w.WriteString("value", answers[a]);
                    w.WriteString("system_name", $"answer_{a}");
                    w.WriteString("sort_order", Text(a));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteContact(Utf8JsonWriter w, int i)
    {
        w.WriteStartObject();
        w.WriteNumber("id", ContactId + i);
        w.WriteString("title", "Dr.");
        w.WriteString("first_name", $"Alfred{i}");
        w.WriteString("last_name", "Lopez");
        w.WriteString("nickname", "Al");
        w.WriteString("email", $"alfred{i}.lopez@example.com");
        w.WriteString("email_work", $"alopez{i}@works.example.com");
        w.WriteString("phone_cell", "(612) 555-0142");
        w.WriteString("phone_home", "612-555-0199");
        w.WriteString("phone_office", "+1 612 555 0100");
        w.WriteString("address", $"{100 + i} Main Street");
        w.WriteString("address_2", "Apt 4");
        w.WriteString("city", "Minneapolis");
        w.WriteString("state", "MN");
        w.WriteString("zip_code", "55401");
        w.WriteString("employer_name", "Acme Widgets");
        w.WriteString("employer_address", "1 Industrial Way");
        w.WriteString("employer_city", "Saint Paul");
        w.WriteString("employer_state", "MN");
        w.WriteString("employer_zip", "55101");
        w.WriteString("license_number", $"LIC-{1000 + i}");
        w.WriteString("birthday", "1970-05-12");
        w.WriteString("close_date", "2024-02-01 00:00:00");
        w.WriteString("creation_date", "2023-11-20 14:05:09");
        w.WriteString("last_contacted_date", "2024-01-10 09:15:00");
        w.WriteString("credit_score", "Good");
        w.WriteString("external_id", $"CRM-{i:00000}");
        w.WriteString("source", "LendingTree");
        w.WriteBoolean("ok_to_call", true);
        w.WriteBoolean("ok_to_email", true);
        w.WriteBoolean("ok_to_mail", false);
        w.WriteString("linkedin_url", "https://www.linkedin.com/in/alfred-lopez");
        w.WriteString("referred_by", "Jane Doe");
        w.WriteStartObject("preferences");
        w.WriteBoolean("is_silenced", false);
        w.WriteEndObject();
        w.WriteStartObject("owner");
        w.WriteNumber("id", 101);
        w.WriteString("email", "jane.doe@acme.example");
        w.WriteString("username", "jane-doe-acme");
        w.WriteString("external_id", "EMP-1001");
        w.WriteEndObject();
        w.WriteStartArray("contact_groups");
        w.WriteStartObject();
        w.WriteNumber("id", 7);
        w.WriteString("group_name", "Active Lead");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("external_ids");
        w.WriteStartObject();
        w.WriteString("source", "LOS");
        w.WriteString("external_id", $"L-{i}");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("custom");
        w.WriteStartObject();
        w.WriteString("field_name", "preferred_contact_time");
        w.WriteString("value", "Evenings");
        w.WriteString("description", "Preferred contact time");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("internal_created_at", "2023-11-20 14:05:09");
        w.WriteString("internal_updated_at", "2024-01-10 09:15:00");
        w.WriteEndObject();
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}
