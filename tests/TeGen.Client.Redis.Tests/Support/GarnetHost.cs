using System.Net;
using System.Net.Sockets;
using Garnet;

namespace TeGen.Client.Redis.Tests.Support;

/// <summary>
/// Garnet, Microsoft's Redis-compatible server, run inside the test process on a loopback port, with Lua scripting
/// enabled (Garnet leaves it off by default) and run as transactions: without <c>--lua-transaction-mode</c> Garnet does
/// not lock a script's keys, so two scripts can interleave and the token budget recorded 3 of 2 requests under load.
/// It can be stopped and started again on the same port, as a Redis that goes down and comes back.
/// </summary>
public sealed class GarnetHost : IDisposable
{
    private GarnetServer? _server;

    private GarnetHost(int port) => Port = port;

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public static GarnetHost Start()
    {
        var host = new GarnetHost(FreePort());
        host.Restart();
        return host;
    }

    public void Restart()
    {
        Stop();
        _server = new GarnetServer(["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--lua", "--lua-transaction-mode"]);
        _server.Start();
    }

    public void Stop()
    {
        _server?.Dispose();
        _server = null;
    }

    public void Dispose() => Stop();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
