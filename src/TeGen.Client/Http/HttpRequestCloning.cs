namespace TeGen.Client.Http;

/// <summary>
/// A sent <see cref="HttpRequestMessage"/> cannot be sent again; a retry or a 401 renewal sends a copy.
/// </summary>
internal static class HttpRequestCloning
{
    public static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };

        foreach (var (name, values) in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(name, values);
        }

        foreach (var (key, value) in request.Options)
        {
            clone.Options.Set(new HttpRequestOptionsKey<object?>(key), value);
        }

        if (request.Content is not null)
        {
            // Generated clients send ByteArrayContent, which can be read any number of times.
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            clone.Content = new ByteArrayContent(body);
            foreach (var (name, values) in request.Content.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return clone;
    }
}
