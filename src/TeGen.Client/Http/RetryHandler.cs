using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using TeGen.Client.Diagnostics;

namespace TeGen.Client.Http;

/// <summary>
/// Retries what is safe to retry (see <see cref="RetryHandlerOptions"/>) with jittered exponential backoff or
/// TE's <c>Retry-After</c>, bounded in attempts and total time, and cancellable; built on a Polly pipeline.
/// Time spent queued for a rate-limit permit does not count against the total (see <see cref="CallBudget"/>).
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("TeGen.Request");

    private static readonly ResiliencePropertyKey<long> StartedKey = new("TeGen.Started");

    private readonly RetryHandlerOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Without retries there is nothing for the pipeline to do: calls skip it.
    private readonly bool _retrying;

    public RetryHandler(RetryHandlerOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        _retrying = options.Enabled && options.MaxRetries > 0;
        if (_retrying)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    WithinTotalTime(args.Context) && ShouldRetry(args.Outcome, args.Context.Properties.GetValue(RequestKey, null!))),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response && RetryAfter.From(response, time) is { } wait
                        ? (TimeSpan?)(wait > options.MaxDelay ? options.MaxDelay : wait)
                        : null),
                OnRetry = args =>
                {
                    TeGenTelemetry.Retries.Add(1);
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    _logger.LogWarning(
                        "Retrying TE {Method} {Path} (retry {Retry}) in {Delay} ms after {Reason}",
                        request.Method, request.RequestUri?.AbsolutePath, args.AttemptNumber + 1, (int)args.RetryDelay.TotalMilliseconds,
                        args.Outcome.Result is { } r ? $"status {(int)r.StatusCode}" : args.Outcome.Exception?.GetType().Name);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        _pipeline = builder.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_retrying)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // Only the retry budget reads what the call spent queued, so only retried calls carry one.
        var budget = new CallBudget();
        request.Options.Set(CallBudget.Key, budget);

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        context.Properties.Set(StartedKey, _time.GetTimestamp());
        try
        {
            // Static: the per-call state travels in the tuple and the call's budget, so no closure is allocated.
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    // A sent request cannot be sent again: later attempts send a copy.
                    var message = state.budget.StartAttempt() == 0 ? state.request : await HttpRequestCloning.CloneAsync(state.request, ctx.CancellationToken).ConfigureAwait(false);
                    return await state.handler.BaseSendAsync(message, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (request, handler: this, budget)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> BaseSendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>Whether the call, not counting time queued for permits, is still inside its total time.</summary>
    private bool WithinTotalTime(ResilienceContext context)
    {
        var request = context.Properties.GetValue(RequestKey, null!);
        var elapsed = _time.GetElapsedTime(context.Properties.GetValue(StartedKey, 0L)) - (CallBudget.Of(request)?.Queued ?? TimeSpan.Zero);
        return elapsed < _options.MaxTotalTime;
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage request)
    {
        switch (outcome.Exception)
        {
            case null:
                break;
            case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }:
                return true; // Nothing reached TE: safe for every method.
            case HttpRequestException or TimeoutException:
                return MayRepeat(request); // The request may have been processed.
            default:
                return false; // Cancellation and programming errors are not retried.
        }

        return outcome.Result?.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => true, // TE refused it unprocessed.
            HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => MayRepeat(request),
            _ => false,
        };
    }

    /// <summary>Whether repeating a request that TE may already have processed is harmless.</summary>
    private bool MayRepeat(HttpRequestMessage request) =>
        request.Method != HttpMethod.Post
        || _options.DeduplicatedPostPaths.Contains(request.RequestUri?.AbsolutePath ?? "", StringComparer.OrdinalIgnoreCase);
}
