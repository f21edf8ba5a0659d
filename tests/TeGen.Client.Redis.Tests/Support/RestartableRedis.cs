using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TeGen.Client.Redis.Tests.Support;

/// <summary>A Redis of a test's own that the test stops (a crash) and starts again on the same port.</summary>
public abstract class RestartableRedis : IDisposable
{
    public abstract string Endpoint { get; }

    public static RestartableRedis For(string backend) => backend switch
    {
        RedisBackends.Garnet => new Embedded(GarnetHost.Start()),
        _ => new ServerProcess(RedisBackends.ServerBinary ?? throw new InvalidOperationException("TEGEN_TEST_REDIS_SERVER is not set")),
    };

    /// <summary>The backends a test can stop and restart: Garnet, and redis-server when its binary is known.</summary>
    public static TheoryData<string> Backends
    {
        get
        {
            var backends = new TheoryData<string> { RedisBackends.Garnet };
            if (RedisBackends.ServerBinary is not null)
            {
                backends.Add(RedisBackends.RedisServer);
            }

            return backends;
        }
    }

    public abstract void Kill();

    public abstract void Restart();

    public abstract void Dispose();

    private sealed class Embedded(GarnetHost garnet) : RestartableRedis
    {
        public override string Endpoint => garnet.Endpoint;

        public override void Kill() => garnet.Stop();

        public override void Restart() => garnet.Restart();

        public override void Dispose() => garnet.Dispose();
    }

    // Debian's redis-server, on a loopback port, without persistence: killed with SIGKILL, started again empty.
    private sealed class ServerProcess : RestartableRedis
    {
        private readonly string _binary;
        private readonly int _port;
        private Process? _process;

        public ServerProcess(string binary)
        {
            _binary = binary;
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            _port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            Restart();
        }

        public override string Endpoint => $"127.0.0.1:{_port}";

        public override void Kill()
        {
            _process?.Kill();
            _process?.WaitForExit();
            _process?.Dispose();
            _process = null;
        }

        public override void Restart()
        {
            Kill();
            var start = new ProcessStartInfo(_binary) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            {
                start.ArgumentList.Add(argument);
            }

            _process = Process.Start(start)!;
            for (var tries = 0; tries < 100; tries++)
            {
                try
                {
                    using var probe = new TcpClient();
                    probe.Connect(IPAddress.Loopback, _port);
                    return;
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }

            throw new InvalidOperationException($"redis-server did not start on port {_port}");
        }

        public override void Dispose() => Kill();
    }
}
