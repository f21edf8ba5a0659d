using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using TeGen.Benchmarks.Canned;
using TeGen.Benchmarks.Clients;
using TeGen.Client;
using TeGen.Client.Auth;

namespace TeGen.Benchmarks.Diagnostics;

/// <summary>
/// Splits TeGen's per-call cost by handler: TeGen's generated contacts client is called through the SDK's pipeline
/// with one handler left out at a time (and with none), and the bytes allocated per call are compared, over loopback
/// (where every handler really awaits, so each async handler's state machine is boxed) and in memory (where
/// everything completes synchronously); in memory the time per call is compared too (best of several rounds after a
/// warm-up long enough for tiered compilation to settle; indicative, not a benchmark). The SDK does not expose its handler list, so it is read through reflection:
/// this is a diagnostic, not a benchmark, and it fails loudly if that internal member moves.
/// </summary>
public static class HandlerCostProbe
{
    private const int Calls = 5000;

    /// <summary>Prints Markdown tables: bytes per call for get and create over both transports, and microseconds per call in memory.</summary>
    public static async Task RunAsync()
    {
        await using var server = await CannedTeServer.StartAsync().ConfigureAwait(false);
        (string Name, Uri BaseUrl, Func<HttpMessageHandler> Transport)[] transports =
        [
            ("loopback", server.BaseUrl, () => new SocketsHttpHandler()),
            ("in memory", new Uri("http://127.0.0.1/"), () => new CannedHandler()),
        ];
        (string Name, Func<IContactsClient, Task> Call)[] operations =
        [
            ("get", client => client.GetContactAsync(CannedPayloads.ContactId, CancellationToken.None)),
            ("create", client => client.CreateContactAsync(NewContactBodies.TeGen, CancellationToken.None)),
        ];

        var columns = (from o in operations from t in transports select (o, t)).ToList();
        var rows = new Dictionary<string, List<Cost>>();
        foreach (var (operation, transport) in columns)
        {
            using var connection = TeGenConnections.Create(transport.BaseUrl, transport.Transport());
            var tokens = connection.AdminTokens;
            await tokens.GetTokenAsync().ConfigureAwait(false);
            var names = Handlers(connection, tokens).Select(h => h.GetType().Name).ToList();
            var variants = new List<(string Label, Func<DelegatingHandler, bool> Keep)> { ("generated client, no handlers", _ => false), ("full TeGen pipeline", _ => true) };
            variants.AddRange(names.Select(name => ($"without {name}", (Func<DelegatingHandler, bool>)(h => h.GetType().Name != name))));
            foreach (var (label, keep) in variants)
            {
                var handlers = Handlers(connection, tokens).Where(keep).ToList();
                using var http = Pipeline(handlers, transport.BaseUrl, transport.Transport());
                var cost = await CostPerCallAsync(new ContactsClient(http), operation.Call).ConfigureAwait(false);
                (rows.TryGetValue(label, out var row) ? row : rows[label] = []).Add(cost);
            }
        }

        var headers = columns.Select(col => $"{col.o.Name}, {col.t.Name}").ToList();
        PrintTable("bytes per call", headers, rows, cost => cost.Bytes, "0");
        var inMemory = columns.Select((col, i) => (col, i)).Where(x => x.col.t.Name == "in memory").Select(x => x.i).ToList();
        PrintTable(
            "µs per call",
            [.. inMemory.Select(i => headers[i])],
            rows.ToDictionary(row => row.Key, row => inMemory.Select(i => row.Value[i]).ToList()),
            cost => cost.Micros,
            "0.00");
    }

    // For "without X" rows a cell is X's share: what the full pipeline costs beyond the pipeline without X.
    private static void PrintTable(string unit, List<string> headers, Dictionary<string, List<Cost>> rows, Func<Cost, double> value, string format)
    {
        var c = CultureInfo.InvariantCulture;
        var full = rows["full TeGen pipeline"];
        Console.WriteLine($"| {unit} | {string.Join(" | ", headers)} |");
        Console.WriteLine($"|---|{string.Concat(headers.Select(_ => "---:|"))}");
        foreach (var (label, costs) in rows)
        {
            var share = label.StartsWith("without ", StringComparison.Ordinal);
            var cells = costs.Select((cost, i) => (share ? value(full[i]) - value(cost) : value(cost)).ToString(format, c) + (share ? " (share)" : ""));
            Console.WriteLine($"| {label} | {string.Join(" | ", cells)} |");
        }

        Console.WriteLine();
    }

    private static List<DelegatingHandler> Handlers(TotalExpertConnection connection, TotalExpertTokenProvider tokens)
    {
        var create = typeof(TotalExpertConnection).GetMethod("CreateHandlers", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("TotalExpertConnection.CreateHandlers not found: update the probe.");
        return [.. (IEnumerable<DelegatingHandler>)create.Invoke(connection, [tokens])!];
    }

    private static HttpClient Pipeline(List<DelegatingHandler> handlers, Uri baseUrl, HttpMessageHandler transport)
    {
        var pipeline = transport;
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = pipeline;
            pipeline = handlers[i];
        }

        var http = new HttpClient(pipeline) { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };
        if (!handlers.Any(h => h.GetType().Name == "AuthenticationHandler"))
        {
            // Without the SDK's authentication handler the token goes in as a plain default header, as the baseline sends it.
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CannedPayloads.AccessToken);
        }

        return http;
    }

    private static async Task<Cost> CostPerCallAsync(IContactsClient client, Func<IContactsClient, Task> call)
    {
        // Long enough for tiered compilation to reach its optimized code.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < 1500)
        {
            await call(client).ConfigureAwait(false);
        }

        // The least of several rounds: a round that caught a background allocation elsewhere in the process (the
        // loopback server's connection handling, a timer) or a busy spell on the machine is discarded.
        var best = new Cost(double.MaxValue, double.MaxValue);
        for (var round = 0; round < 7; round++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < Calls; i++)
            {
                await call(client).ConfigureAwait(false);
            }

            var micros = Stopwatch.GetElapsedTime(started).TotalMicroseconds / Calls;
            var bytes = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Calls;
            best = new Cost(Math.Min(best.Bytes, bytes), Math.Min(best.Micros, micros));
        }

        return best;
    }

    private readonly record struct Cost(double Bytes, double Micros);
}
