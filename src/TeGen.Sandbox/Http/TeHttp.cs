using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TeGen.Sandbox.Replies;

namespace TeGen.Sandbox.Http;

internal static class TeHttp
{
    // TE's bodies carry quotes like 'owner' literally; the default encoder would turn them into \u0027. Bodies are read
    // at most 64 levels deep, and a stored value (insight data) is written back inside a record, a page and an
    // envelope: the writer's default limit of 64 would refuse what the reader accepted.
    public static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 128 };

    public static Task WriteAsync(HttpContext context, TeReply reply)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        var bytes = Encoding.UTF8.GetBytes(reply.Body.ToJsonString(Output));
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    public static string SourceIp(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
