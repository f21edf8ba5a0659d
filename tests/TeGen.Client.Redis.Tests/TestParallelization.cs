// The tests measure time against real servers and start child processes: run one at a time, so that they do not
// starve each other's timers on a small machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
