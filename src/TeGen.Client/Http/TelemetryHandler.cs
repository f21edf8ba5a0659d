using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TeGen.Client.Diagnostics;

namespace TeGen.Client.Http;

/// <summary>
/// One activity and one log line per TE call. Only the method, the path and the status are recorded: never
/// headers (they carry the token), bodies (they carry personal data and, on /v1/token, secrets) or query strings
/// (filters can hold emails).
/// </summary>
internal sealed class TelemetryHandler(ILogger logger, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Nothing is formatted or boxed unless someone listens: with no listener a call costs a timestamp.
        using var activity = TeGenTelemetry.ActivitySource.HasListeners()
            ? TeGenTelemetry.ActivitySource.StartActivity($"TE {request.Method} {request.RequestUri?.AbsolutePath}", ActivityKind.Client)
            : null;
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("url.path", request.RequestUri?.AbsolutePath);
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            Count(request, status);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("TE {Method} {Path} answered {Status} in {Elapsed} ms", request.Method, request.RequestUri?.AbsolutePath, status, (int)time.GetElapsedTime(started).TotalMilliseconds);
            }

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

    private static void Count(HttpRequestMessage request, int status)
    {
        if (TeGenTelemetry.Requests.Enabled)
        {
            TeGenTelemetry.Requests.Add(1, new("method", request.Method.Method), new("status", status));
        }
    }
}
