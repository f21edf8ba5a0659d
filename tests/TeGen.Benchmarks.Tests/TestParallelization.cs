// The quick throughput run is timing-sensitive (a request held up longer than the limiter's safety margin could
// earn a 429); the other tests of this assembly start servers and clients of their own, so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
