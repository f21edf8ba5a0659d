using System.Net;
using System.Net.Sockets;
using TeGen.Client.Http;

namespace TeGen.Client.Partners;

/// <summary>
/// Egresses a partner can give TeGen beyond the machine's default route: each is a separate source IP to TE, with its
/// own 1000 requests per minute and 2 token requests per hour.
/// </summary>
public static class TotalExpertEgress
{
    /// <summary>
    /// An HTTP handler whose connections leave from <paramref name="localAddress"/> (one of the machine's addresses), for
    /// <see cref="TotalExpertPartner"/>'s <c>egressHandler</c>. Redirects are not followed, as on every TeGen handler.
    /// </summary>
    /// <param name="localAddress">The local address to connect from.</param>
    public static HttpMessageHandler BoundTo(IPAddress localAddress)
    {
        ArgumentNullException.ThrowIfNull(localAddress);
        var handler = TePrimaryHandler.Create();
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(localAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(localAddress, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        return handler;
    }
}
