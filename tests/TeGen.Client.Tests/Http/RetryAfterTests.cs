using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using TeGen.Client.Http;

namespace TeGen.Client.Tests.Http;

public class RetryAfterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Seconds_are_read_as_a_delay()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(42));
        Assert.Equal(TimeSpan.FromSeconds(42), RetryAfter.From(response, _time));
    }

    [Fact]
    public void An_http_date_is_read_as_the_time_until_then()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "Sun, 01 Mar 2026 10:01:30 GMT");
        Assert.Equal(TimeSpan.FromSeconds(90), RetryAfter.From(response, _time));
    }

    [Fact]
    public void A_date_in_the_past_or_no_header_means_no_wait()
    {
        using var past = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        past.Headers.TryAddWithoutValidation("Retry-After", "Sun, 01 Mar 2026 09:00:00 GMT");
        using var none = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.Zero, RetryAfter.From(past, _time));
        Assert.Null(RetryAfter.From(none, _time));
    }
}
