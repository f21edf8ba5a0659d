using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TeGen.Client.Diagnostics;

namespace TeGen.Client.Http;

/// <summary>
/// One activity and one log line per TE call. Only the method, the path and the status are recorded: never
/// headers (they carry the token), bodies (they carry personal data and, on /v1/token, secrets) or query strings
/// (filters can hold emails).
/// </summary>
internal sealed class TelemetryHandler(ILogger logger, TimeProvider time) : TeDelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (TeGenTelemetry.ActivitySource.HasListeners())
        {
            return TraceAsync(request, cancellationToken);
        }

        // With no activity to keep open, an answer that has already arrived is counted and passed on as it is: no task or
        // async state of this handler's own. Failures and answers still on their way take the full path.
        var started = time.GetTimestamp();
        var sent = SendInnerAsync(request, cancellationToken);

        if (!sent.IsCompletedSuccessfully)
        {
            return TraceAsync(request, cancellationToken, sent, started);
        }

        Answered(request, sent.Result, started);
        return sent;
    }

    private async Task<HttpResponseMessage> TraceAsync(HttpRequestMessage request, CancellationToken cancellationToken, Task<HttpResponseMessage>? sent = null, long started = 0)
    {
        // Nothing is formatted or boxed unless someone listens; an attempt already sent has no activity to join.
        using var activity = sent is null && TeGenTelemetry.ActivitySource.HasListeners()
            ? TeGenTelemetry.ActivitySource.StartActivity($"TE {request.Method} {request.RequestUri?.AbsolutePath}", ActivityKind.Client)
            : null;
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("url.path", request.RequestUri?.AbsolutePath);
        if (sent is null)
        {
            started = time.GetTimestamp();
        }

        try
        {
            var response = await (sent ?? base.SendAsync(request, cancellationToken)).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            Answered(request, response, started);
            return response;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            var status = (e as TotalExpertApiException)?.StatusCode ?? 0;
            Count(request, status);
            logger.LogInformation("TE {Method} {Path} failed with {Error} ({Status}) after {Elapsed} ms", request.Method, request.RequestUri?.AbsolutePath, e.GetType().Name, status, (int)time.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    private void Answered(HttpRequestMessage request, HttpResponseMessage response, long started)
    {
        var status = (int)response.StatusCode;
        Count(request, status);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("TE {Method} {Path} answered {Status} in {Elapsed} ms", request.Method, request.RequestUri?.AbsolutePath, status, (int)time.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static void Count(HttpRequestMessage request, int status)
    {
        if (TeGenTelemetry.Requests.Enabled)
        {
            TeGenTelemetry.Requests.Add(1, new("method", request.Method.Method), new("status", status));
        }
    }
}
