using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TeGen.Client.Tests.Support;

/// <summary>One request as a <see cref="FakeTe"/> received it.</summary>
internal sealed record FakeRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A misbehaving TE on a real loopback socket, speaking raw HTTP/1.1 so a test can do what no well-behaved server does:
/// stall after the headers, drip a body, cut it short, send 50 MB, redirect. Each request gets a fresh connection
/// (<c>Connection: close</c>), so what one reply does cannot leak into the next. <c>/v1/token</c> answers with a valid
/// token unless the test routes it.
/// </summary>
internal sealed class FakeTe : IAsyncDisposable
{
    public const string Token = """{"access_token":"0123456789abcdef0123456789abcdef01234567","token_type":"bearer","expires_in":3600,"scope":"leadInteraction"}""";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<FakeRequest, FakeReply?> _route;
    private readonly Task _accepting;

    /// <param name="route">The reply to a request; <c>null</c> for the default (a token on /v1/token, else 200 <c>{}</c>).</param>
    public FakeTe(Func<FakeRequest, FakeReply?> route)
    {
        _route = route;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public int Count(string method, string path) => Requests.Count(r => r.Method == method && r.Path == path);

    public int TokenRequests => Count("POST", "/v1/token");

    public int ApiRequests => Requests.Count(r => r.Path != "/v1/token");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(TcpClient socket)
    {
        using (socket)
        {
            try
            {
                var stream = socket.GetStream();
                var request = await ReadRequestAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                Requests.Enqueue(request);
                var reply = _route(request) ?? (request.Path == "/v1/token" ? FakeReply.Json(200, Token) : FakeReply.Json(200, "{}"));
                await reply.WriteAsync(stream, _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (as it should when it gives up on a stalled or oversized answer).
            }
        }
    }

    private static async Task<FakeRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var target = requestLine[1];
        var question = target.IndexOf('?');
        var body = headers.TryGetValue("Content-Length", out var length)
            ? await ReadExactlyAsync(stream, int.Parse(length), cancellationToken)
            : headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase)
                ? await ReadChunkedAsync(stream, cancellationToken)
                : [];
        return new FakeRequest(requestLine[0], question < 0 ? target : target[..question], question < 0 ? "" : target[(question + 1)..], headers, body);
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }

    private static async Task<byte[]> ReadChunkedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var size = Convert.ToInt32((await ReadLineAsync(stream, cancellationToken)).Split(';')[0], 16);
            if (size == 0)
            {
                await ReadLineAsync(stream, cancellationToken);
                return body.ToArray();
            }

            body.Write(await ReadExactlyAsync(stream, size, cancellationToken));
            await ReadLineAsync(stream, cancellationToken);
        }
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1 && one[0] != '\n')
        {
            if (one[0] != '\r')
            {
                line.Append((char)one[0]);
            }
        }

        return line.ToString();
    }
}

/// <summary>What a <see cref="FakeTe"/> sends back: a status line and headers, then a body written by a script.</summary>
internal sealed class FakeReply(int status, IEnumerable<(string Name, string Value)> headers, Func<Stream, CancellationToken, Task> body)
{
    public static FakeReply Json(int status, string json, params (string Name, string Value)[] headers) =>
        Bytes(status, "application/json", Encoding.UTF8.GetBytes(json), headers);

    /// <summary>A list answer with no items and no next page.</summary>
    public static FakeReply EmptyPage() => Json(200, """{"items":[],"links":{}}""");

    public static FakeReply Bytes(int status, string contentType, byte[] body, params (string Name, string Value)[] headers) =>
        new(status, [("Content-Type", contentType), ("Content-Length", body.Length.ToString()), .. headers], (s, ct) => s.WriteAsync(body, ct).AsTask());

    public static FakeReply Redirect(int status, string location) =>
        new(status, [("Location", location), ("Content-Length", "0")], (_, _) => Task.CompletedTask);

    /// <summary>Accepts the request and never answers.</summary>
    public static FakeReply StallBeforeHeaders() => new(0, [], (_, ct) => Task.Delay(Timeout.Infinite, ct));

    /// <summary>Sends the headers and the first bytes of the body, then stalls.</summary>
    public static FakeReply StallInBody(int status = 200) =>
        new(status, [("Content-Type", "application/json"), ("Content-Length", "1000")], async (s, ct) =>
        {
            await s.WriteAsync("{\"items\":["u8.ToArray(), ct);
            await s.FlushAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        });

    /// <summary>Sends a body one byte at a time, <paramref name="every"/> apart: each byte is on time, the whole is not.</summary>
    public static FakeReply Drip(TimeSpan every, int length = 1000) =>
        new(200, [("Content-Type", "application/json"), ("Content-Length", length.ToString())], async (s, ct) =>
        {
            for (var i = 0; i < length; i++)
            {
                await s.WriteAsync(" "u8.ToArray(), ct);
                await s.FlushAsync(ct);
                await Task.Delay(every, ct);
            }
        });

    /// <summary>Announces <paramref name="announced"/> bytes, sends <paramref name="body"/> (fewer), and closes the connection.</summary>
    public static FakeReply Truncated(int status, string body, int announced) =>
        new(status, [("Content-Type", "application/json"), ("Content-Length", announced.ToString())], (s, ct) => s.WriteAsync(Encoding.UTF8.GetBytes(body), ct).AsTask());

    /// <summary>A body of <paramref name="bytes"/> bytes (JSON-looking), with or without a Content-Length.</summary>
    public static FakeReply Huge(int status, long bytes, bool announceLength = true) =>
        new(status, announceLength ? [("Content-Type", "application/json"), ("Content-Length", bytes.ToString())] : [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")], async (s, ct) =>
        {
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (long sent = 0; sent < bytes; sent += chunk.Length)
            {
                var size = (int)Math.Min(chunk.Length, bytes - sent);
                if (!announceLength)
                {
                    await s.WriteAsync(Encoding.ASCII.GetBytes($"{size:x}\r\n"), ct);
                }

                await s.WriteAsync(chunk.AsMemory(0, size), ct);
                if (!announceLength)
                {
                    await s.WriteAsync("\r\n"u8.ToArray(), ct);
                }
            }

            if (!announceLength)
            {
                await s.WriteAsync("0\r\n\r\n"u8.ToArray(), ct);
            }
        });

    public async Task WriteAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (status != 0)
        {
            var head = new StringBuilder($"HTTP/1.1 {status} {ReasonPhrase(status)}\r\nConnection: close\r\n");
            foreach (var (name, value) in headers)
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), cancellationToken);
        }

        await body(stream, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        401 => "Unauthorized",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
