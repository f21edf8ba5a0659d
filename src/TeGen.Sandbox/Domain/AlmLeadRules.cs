using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/leads, TE's automated lead management (ALM): a lead is a person, the lead_opportunity they look for and the
// lead_opportunity_offers made to them. The person becomes a contact of the lead's owner (matched by TE's contact
// uniqueness sets, or created), and the create answers {contact_id, lead_id}. The owner is optional, As Admin too:
// without one the lead goes to the organization's first user, standing in for TE's lead routing. An update changes the
// members present (the opportunity member by member, the offers as a whole) and answers TE's message; its booleans
// are strict (x-te-strict-booleans, checked by the request validation). api_key, TE's "simple auth", is accepted and
// ignored: the bearer token authenticates every call here.
internal sealed class AlmLeadRules(Shape? item) : LeadResource(AlmLeads, item)
{
    private static readonly string[] Kept = ["owner", "lead_opportunity"];

    protected override TeReply Add(TeCall call)
    {
        RequireReachable(call, call.Options.ValidationErrorStatus);

        var ownerId = call.Caller.User?.Id ?? (call.Body["owner"] is not null ? call.Owner().Id : Routed(call));
        var contact = ContactMatcher.FindDuplicate(ContactRules.OwnedBy(call, ownerId), field => Person(call, field), []) ?? NewContact(call, ownerId);
        var lead = call.New(new GenericRecord { Id = Table(call.Store).NextId().ToString(CultureInfo.InvariantCulture), NumericId = true, OwnerId = ownerId });
        lead.Fields["contact_id"] = contact.Id;
        lead.Fields["created_at"] = TeValues.FormatDateTime(call.Now);
        Assign(call, lead);
        Table(call.Store).Add(call.Stamp(lead));
        return new TeReply(StatusCodes.Status201Created, new JsonObject { ["contact_id"] = contact.Id, ["lead_id"] = lead.IdNode.DeepClone() });
    }

    protected override TeReply Change(TeCall call, GenericRecord lead)
    {
        if (call.Caller.IsAdmin && call.Body["owner"] is not null)
        {
            lead.OwnerId = call.Owner().Id;
        }

        Assign(call, lead);
        return TeReply.Ok(new JsonObject { ["message"] = "Successfully updated lead." });
    }

    private void Assign(TeCall call, GenericRecord lead)
    {
        var values = PlainMembers(call.Body, Kept);
        if (call.Body["lead_opportunity"] is JsonObject opportunity)
        {
            var merged = lead.Fields.GetValueOrDefault("lead_opportunity") as JsonObject ?? [];
            foreach (var (name, value) in opportunity)
            {
                merged[name] = value?.DeepClone();
            }

            values["lead_opportunity"] = merged;
        }
        else if (call.Body.ContainsKey("lead_opportunity"))
        {
            values["lead_opportunity"] = null;
        }

        values["updated_at"] = TeValues.FormatDateTime(call.Now);
        Attributes.Assign(lead, values);
    }

    // The lead's person as a contact's members: its one phone is matched and stored as the contact's cell phone.
    private static string? Person(TeCall call, string contactField) => TeValues.Text(call.Body[contactField == "phone_cell" ? "phone" : contactField]);

    private static ContactRecord NewContact(TeCall call, long ownerId)
    {
        var contact = call.New(new ContactRecord { Id = call.Store.Contacts.NextId(), OwnerId = ownerId });
        foreach (var field in (string[])["first_name", "last_name", "email", "phone_cell", "source"])
        {
            if (Person(call, field) is { } value)
            {
                contact.Fields[field] = value;
            }
        }

        call.Store.Contacts.Add(call.Stamp(contact));
        return contact;
    }

    private static long Routed(TeCall call) =>
        call.Org.Users.FirstOrDefault()?.Id ?? throw TeErrors.Unprocessable("The organization has no user to route the lead to");
}
