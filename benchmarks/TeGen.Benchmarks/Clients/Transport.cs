namespace TeGen.Benchmarks.Clients;

/// <summary>How the clients reach the canned TE answers.</summary>
public enum Transport
{
    /// <summary>Over HTTP to the Kestrel server on 127.0.0.1: the real path, with the network stack and the server in the time.</summary>
    Loopback,

    /// <summary>Through <see cref="Canned.CannedHandler"/> in place of the socket handler: client-side work only.</summary>
    InMemory,
}
