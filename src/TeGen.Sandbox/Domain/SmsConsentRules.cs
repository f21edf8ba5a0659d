using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/sms/opt-in and /v1/sms/opt-out: actions on a phone number's SMS consent, kept per organization by the number in
// E.164. TE converts every number to E.164 and SMS does not work for one it cannot convert; the sandbox refuses such
// a number (422) rather than record a consent TE could never use (inferred; TeSandboxOptions.RefuseUnconvertibleSmsNumbers). An opt-in names the user the number
// takes messages from (not by e-mail) and must say OPTED_IN.
internal sealed class SmsConsentRules(string collection) : Resource<GenericRecord>(collection, null)
{
    public const string Prefix = "/v1/sms/";

    private const string Consents = "/v1/sms";

    public override Table<GenericRecord> Table(SandboxStore store) => store.Collection(Consents);

    public override TeReply? Act(TeCall call, string method)
    {
        var given = TeValues.Text(call.Require("phone_number"))!;
        var phone = E164(given) ?? (call.Options.RefuseUnconvertibleSmsNumbers ? throw call.Invalid("phone_number", "not a number TE can convert to E.164") : given.Trim());
        var optIn = Collection.EndsWith("/opt-in", StringComparison.Ordinal);
        var status = optIn ? "OPTED_IN" : "OPTED_OUT";
        long? user = null;
        if (optIn)
        {
            if (!string.Equals(TeValues.Text(call.Require("status")), status, StringComparison.Ordinal))
            {
                throw call.Invalid("status", "an opt-in's status is OPTED_IN");
            }

            user = UserRefs.Resolve(call.Require("user"), call.Org, "user", allowEmail: false).Id;
        }

        var consent = Table(call.Store).Find(call.Org.Name + phone);
        if (consent is null)
        {
            consent = call.New(new GenericRecord { Id = call.Org.Name + phone, NumericId = false });
            Table(call.Store).Add(consent);
        }

        consent.Fields["phone_number"] = phone;
        consent.Fields["status"] = status;
        consent.Fields["user"] = user is { } id ? JsonValue.Create(id) : consent.Fields.GetValueOrDefault("user")?.DeepClone();
        call.Stamp(consent);
        ActivityFeed.Record(call, optIn ? "sms_opted_in" : "sms_opted_out", $"{phone} {(optIn ? "opted in to" : "opted out of")} text messages", ownerId: user);
        return TeReply.Ok(new JsonObject { ["phone_number"] = phone, ["status"] = status });
    }

    // US numbers: 10 digits, or 11 starting with 1; a number given with + keeps its country code.
    public static string? E164(string? text)
    {
        var digits = TeValues.PhoneKey(text);
        return digits switch
        {
            { Length: 10 } => "+1" + digits,
            { Length: 11 } when digits[0] == '1' => "+" + digits,
            { Length: >= 8 and <= 15 } when text!.TrimStart().StartsWith('+') => "+" + digits,
            _ => null,
        };
    }
}
