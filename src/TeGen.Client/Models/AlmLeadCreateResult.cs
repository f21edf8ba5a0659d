using System.Text.Json.Serialization;

namespace TeGen.Client;

/// <summary>TE's answer to an ALM lead create: <c>{"contact_id": n, "lead_id": n}</c>, the lead's contact and the new lead.</summary>
public partial class AlmLeadCreateResult : IJsonOnDeserialized
{
    // TE ids start at 1: a missing id reads as 0, and an answer without both ids is no success a caller can build on.
    void IJsonOnDeserialized.OnDeserialized()
    {
        if (LeadId <= 0 || ContactId <= 0)
        {
            throw CreateAnswers.WithoutId("positive integers as contact_id and lead_id");
        }
    }
}
