using System.Text;
using System.Text.Json;
using TeGen.Client.Json;
using TeGen.Client.Rules;

namespace TeGen.Client;

/// <summary>
/// Base class of every generated TE client (the internal classes behind <see cref="IContactsClient"/>,
/// <see cref="IInsightsClient"/>, ...): TE's JSON rules, the reading of every answer and the hook every request passes
/// before it is sent are in one place for all of them.
/// </summary>
public abstract class TotalExpertClientBase
{
    /// <summary>Called once per generated client type to build its serializer options.</summary>
    /// <param name="settings">The options the generated client will use.</param>
    protected static void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => TeJson.Configure(settings);

    /// <summary>TE's rules for request bodies; set by the SDK on the clients it builds.</summary>
    internal Rules.CreateRules? Rules { get; set; }

    /// <summary>Which lead API the organization uses, for the clients of TE's two lead APIs; set by the SDK.</summary>
    internal LeadFamilyGuard? LeadGuard { get; set; }

    // Every request a generated client sends passes here just before it goes (TeGen.Build's BeforeSend template calls
    // it): the request is stamped with its operation's descriptor, which the handlers read, and TE's rules check the
    // body. A rule that fills in a default (an owner, a required group) changes the body, which is then sent as it is now.
    // A call to one of TE's lead APIs is refused when the organization is known to use the other, and carries the guard
    // so that its success teaches it. An uploaded image is checked against TE's image rules instead.
    private protected async ValueTask BeforeSendAsync(HttpRequestMessage request, TeOperation operation, object? body, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        request.Options.Set(TeOperation.Key, operation);
        if (operation.LeadFamily is not null && LeadGuard is { } guard)
        {
            guard.Check(operation);
            request.Options.Set(LeadFamilyGuard.Key, guard);
        }

        if (body is FileParameter image)
        {
            await ImageUpload.CheckAsync(request, operation, image, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (body is null || Rules is not { } rules || !await rules.ApplyAsync(operation, body, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), options));
        content.Headers.ContentType = request.Content?.Headers.ContentType;
        request.Content?.Dispose();
        request.Content = content;
    }

    // Every body a generated client reads goes through here (TeGen.Build's ReadObjectResponse template calls it), so an
    // unreadable answer is always a TotalExpertProtocolException. The answer is a success: a lead call's teaches its guard.
    private protected static ValueTask<T> ReadResponseBodyAsync<T>(HttpResponseMessage response, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        LeadFamilyGuard.Succeeded(response.RequestMessage);
        return TeResponseReader.ReadAsync<T>(response, options, cancellationToken);
    }

    // The generated methods build each URL in a builder lent here rather than a new one per call (TeGen.Build's
    // Client.Class template): nothing awaits between acquiring and releasing it, so one per thread is enough.
    [ThreadStatic]
    private static StringBuilder? t_urlBuilder;

    private protected static StringBuilder AcquireUrlBuilder()
    {
        var builder = t_urlBuilder ?? new StringBuilder(128);
        t_urlBuilder = null;
        return builder.Clear();
    }

    private protected static string ReleaseUrl(StringBuilder builder)
    {
        var url = builder.ToString();
        t_urlBuilder = builder;
        return url;
    }

    // What NSwag's exceptions carry: every header of the answer. Built only when an exception takes it, since copying
    // the headers parses and materialises every value.
    private protected static IReadOnlyDictionary<string, IEnumerable<string>> ResponseHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>();
        foreach (var (name, values) in response.Headers)
        {
            headers[name] = values;
        }

        if (response.Content is { } content)
        {
            foreach (var (name, values) in content.Headers)
            {
                headers[name] = values;
            }
        }

        return headers;
    }
}
