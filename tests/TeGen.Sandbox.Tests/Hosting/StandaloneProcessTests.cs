using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using TeGen.Tests;

namespace TeGen.Sandbox.Tests.Hosting;

[CollectionDefinition(nameof(StandaloneProcess), DisableParallelization = true)]
public sealed class StandaloneProcess;

// Runs alone: a cold process start is what is measured, not a start competing with the other tests for two cores.
[Collection(nameof(StandaloneProcess))]
public sealed class StandaloneProcessTests
{
    [Fact]
    public async Task The_built_sandbox_answers_the_heartbeat_soon_after_process_start()
    {
        // How fast it starts is measured outside the test suite (about 0.5-0.7 s on an idle machine, see the sandbox
        // README); other test assemblies share the two cores meanwhile, so here only a start that hangs or takes far
        // longer than that fails. Every start must answer at all.
        var elapsed = await TimeToHeartbeatAsync([]);

        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"heartbeat after {elapsed}");
    }

    [Fact]
    public async Task An_organization_count_seeds_that_many_organizations_and_prints_their_credentials()
    {
        await TimeToHeartbeatAsync(["--Sandbox:OrganizationCount=3"], async (baseUrl, output) =>
        {
            using var http = new HttpClient { BaseAddress = baseUrl };
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/token") { Content = new StringContent("""{"grant_type":"client_credentials"}""", Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("tegen-sandbox-client-3:tegen-sandbox-secret-3")));
            using var token = await http.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            foreach (var printed in (string[])["tegen-sandbox-secret", "tegen-sandbox-client-2", "tegen-sandbox-secret-3", "Sandbox Lending 3", "jane-doe-lending3", "survey 000000000003a001"])
            {
                Assert.Contains(printed, output, StringComparison.Ordinal);
            }
        });
    }

    // Starts the built sandbox with the arguments given and returns how long after process start it first answered the
    // heartbeat; then, once it printed its start-up text, hands its base URL and that text to `whileRunning`.
    private static async Task<TimeSpan> TimeToHeartbeatAsync(string[] arguments, Func<Uri, string, Task>? whileRunning = null)
    {
        var port = FreePort();
        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[SandboxDll(), "--urls", $"http://127.0.0.1:{port}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild and VSTest variables would leak build-node and test-host settings into the child.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }

            // The credentials are printed before the "Listening on" line.
            if (line.Data?.StartsWith("Listening on", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var answered = TimeSpan.Zero;
            while (answered == TimeSpan.Zero && watch.Elapsed < TimeSpan.FromSeconds(20) && !process.HasExited)
            {
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/v1/heartbeat");
                    answered = response.StatusCode == HttpStatusCode.OK ? watch.Elapsed : answered;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    await Task.Delay(50);
                }
            }

            Assert.True(answered > TimeSpan.Zero, $"the sandbox never answered the heartbeat; output:\n{Output()}");
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Contains("tegen-sandbox-secret", Output(), StringComparison.Ordinal);
            if (whileRunning is not null)
            {
                await whileRunning(new Uri($"http://127.0.0.1:{port}/"), Output());
            }

            return answered;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }

        string Output()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    // The sandbox's own output folder, in the configuration the tests were built in.
    private static string SandboxDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = RepoPaths.Combine("src", "TeGen.Sandbox", "bin", configuration, "net10.0", "TeGen.Sandbox.dll");
        Assert.True(File.Exists(path), $"{path} is missing: build src/TeGen.Sandbox first.");
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
