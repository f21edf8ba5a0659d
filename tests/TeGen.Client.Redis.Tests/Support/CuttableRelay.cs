using System.Net;
using System.Net.Sockets;

namespace TeGen.Client.Redis.Tests.Support;

/// <summary>
/// A TCP relay on a loopback port in front of a Redis, for one process's connection: cutting it drops that process's
/// connections and refuses new ones while the server stays up for everyone else (a network partition, or a
/// reconnection much slower than the others').
/// </summary>
public sealed class CuttableRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _target;
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _cut;

    public CuttableRelay(string target)
    {
        _target = target;
        _listener.Start();
        _ = AcceptAsync();
    }

    public string Endpoint => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public void Cut()
    {
        _cut = true;
        CloseAll();
    }

    public void Restore() => _cut = false;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        CloseAll();
        _stop.Dispose();
    }

    private void CloseAll()
    {
        lock (_open)
        {
            _open.ForEach(c => c.Dispose());
            _open.Clear();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        try
        {
            if (_cut)
            {
                return;
            }

            var (host, port) = (_target[.._target.LastIndexOf(':')], int.Parse(_target[(_target.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            await server.ConnectAsync(host, port, _stop.Token);
            lock (_open)
            {
                _open.Add(client);
                _open.Add(server);
            }

            using var pair = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = client.GetStream().CopyToAsync(server.GetStream(), pair.Token);
            var down = server.GetStream().CopyToAsync(client.GetStream(), pair.Token);
            await Task.WhenAny(up, down);
            pair.Cancel();
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The server went away or the relay was cut: the client sees its connection drop.
        }
        finally
        {
            client.Dispose();
        }
    }
}
