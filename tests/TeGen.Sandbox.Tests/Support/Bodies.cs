using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Tests.Support;

/// <summary>Request bodies as TE's examples send them; tests change what they are about.</summary>
internal static class Bodies
{
    public static JsonObject Contact(string first = "Ann", string last = "Lee", string? email = "ann.lee@example.test", string? owner = "jane-doe-acme")
    {
        var body = new JsonObject { ["source"] = "Web", ["first_name"] = first, ["last_name"] = last };
        if (email is not null)
        {
            body["email"] = email;
        }

        if (owner is not null)
        {
            body["owner"] = new JsonObject { ["username"] = owner };
        }

        return body;
    }

    public static JsonObject Survey(string name = "First Time Buyer Funnel") => JsonNode.Parse($$"""
        {
          "source": "Acme Portal",
          "survey_name": "{{name}}",
          "version": "1.3",
          "questions": [
            { "question_text": "What is your maximum price?", "system_name": "max_price", "data_type": "decimal", "sort_order": 1 },
            { "question_text": "Anything else?", "system_name": "comments", "data_type": "text", "sort_order": 2 },
            { "question_text": "Granite tops?", "system_name": "granite_tops", "data_type": "choice", "sort_order": 3,
              "possible_choice_answers": [ { "value": "Absolutely!", "system_name": "yes" }, { "value": "Nope", "system_name": "no", "sort_order": 1 } ] }
          ]
        }
        """)!.AsObject();

    public static JsonObject With(this JsonObject body, string member, JsonNode? value)
    {
        body[member] = value;
        return body;
    }

    public static JsonObject Without(this JsonObject body, params string[] members)
    {
        foreach (var member in members)
        {
            body.Remove(member);
        }

        return body;
    }

    public static JsonObject Ref(string member, JsonNode value) => new() { [member] = value };
}
