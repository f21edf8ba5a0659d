// The README's main command: the whole TE partner flow, As Admin, twice in one process so the second run shows
// what TeGen saves (the cached token) and what TE deduplicates (the contact) or finds (the survey).
using Microsoft.Extensions.Configuration;
using TeGen.Client;
using TeGen.Quickstart;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    await using var environment = await QuickstartEnvironment.StartAsync(configuration);
    using var counter = new RequestCounter();
    using var connection = new TotalExpertConnection(environment.Options, primaryHandler: counter);
    var flow = new QuickstartFlow(connection.CreateAdminClient(), counter);

    Console.WriteLine("TeGen quickstart");
    Console.WriteLine($"  {environment.Description}");
    Console.WriteLine($"  As Admin (client credentials), client id {environment.Options.ClientId}; partner prefix '{environment.Options.PartnerPrefix}'; required groups: {string.Join(", ", environment.Options.RequiredContactGroups)}");
    for (var run = 1; run <= 2; run++)
    {
        Console.WriteLine();
        Console.WriteLine(run == 1 ? "Run 1" : "Run 2 (same process: the token, the survey's question ids and the loan types are reused; TE deduplicates the contact; the loan is updated)");
        var report = await flow.RunAsync(cancel.Token);
        report.WriteTo(Console.Out);
    }

    Console.WriteLine();
    Console.WriteLine($"Done: {counter.Sent.Count} requests sent in total, {counter.Sent.Count(RequestCounter.IsTokenRequest)} token request(s) (TE allows 2 per hour).");
    return 0;
}
catch (Exception e) when (e is TotalExpertApiException or TotalExpertRequestValidationException or InvalidOperationException or OperationCanceledException)
{
    Console.Error.WriteLine($"The quickstart stopped: {e.Message}");
    return 1;
}
