using System.Text.Json.Serialization;

namespace TeGen.Client;

/// <summary>
/// TE's answer to a create of a record with a hexadecimal id (a survey, a survey response):
/// <c>201 {"created": link, "id": "hex"}</c>, or <c>200 {"duplicate": link, "id": "hex"}</c> when TE matched an
/// existing record.
/// </summary>
public partial class HexCreateResult : IJsonOnDeserialized
{
    void IJsonOnDeserialized.OnDeserialized()
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            throw CreateAnswers.WithoutId("a non-empty string");
        }
    }
}
