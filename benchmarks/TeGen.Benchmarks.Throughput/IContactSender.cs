namespace TeGen.Benchmarks.Throughput;

/// <summary>One client instance as the load loop sees it.</summary>
internal interface IContactSender : IDisposable
{
    /// <summary>Creates contact number <paramref name="n"/>; false when it ended in an error after the client's retries.</summary>
    Task<bool> CreateAsync(int n, CancellationToken cancellationToken);
}
