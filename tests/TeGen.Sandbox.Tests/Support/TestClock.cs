using Microsoft.Extensions.Time.Testing;

namespace TeGen.Sandbox.Tests.Support;

internal static class TestClock
{
    // 08:00:<seconds> UTC on a fixed day; a fake clock only moves when a test advances it, so windows pass instantly.
    public static FakeTimeProvider At8(int seconds = 0) => new(new DateTimeOffset(2030, 1, 1, 8, 0, seconds, TimeSpan.Zero));
}
