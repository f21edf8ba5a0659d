using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using TeGen.Client.Diagnostics;

namespace TeGen.Client.Http;

/// <summary>
/// Retries what is safe to retry (see <see cref="RetryHandlerOptions"/>) with jittered exponential backoff or
/// TE's <c>Retry-After</c>, bounded in attempts and total time, and cancellable; built on a Polly pipeline.
/// Every call has a time budget (<see cref="RetryHandlerOptions.MaxTotalTime"/>, see <see cref="CallBudget"/>) that time
/// queued for rate-limit permits counts against too, whether or not retries are on.
/// </summary>
internal sealed class RetryHandler : TeDelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("TeGen.Request");

    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // The connection's retry settings, and those of calls made in a TotalExpertCallOptions scope with settings of their
    // own (built once per settings object, dropped with it).
    private readonly Plan _default;
    private readonly ConditionalWeakTable<RetryHandlerOptions, Plan> _scoped = [];

    public RetryHandler(RetryHandlerOptions options, TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
        _default = Build(options);
    }

    private Plan Build(RetryHandlerOptions options)
    {
        var time = _time;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };

        // Without retries there is nothing for the pipeline to do: calls skip it.
        var retrying = options.Enabled && options.MaxRetries > 0;
        if (retrying)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.Properties.GetValue(RequestKey, null!), options)),
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

        return new Plan(options, builder.Build(), retrying);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var plan = TotalExpertCallOptions.Current?.Retry is { } scoped ? _scoped.GetValue(scoped, Build) : _default;
        var budget = new CallBudget(_time.GetUtcNow() + plan.Options.MaxTotalTime);
        request.Options.Set(CallBudget.Key, budget);
        if (!plan.Retrying)
        {
            return base.SendAsync(request, cancellationToken);
        }

        // The first attempt is made here, outside Polly: an answer that has already arrived and is not worth retrying
        // (nearly every call) is returned as it is, with no pipeline run and no task of this handler's own. An outcome
        // worth retrying enters the pipeline, whose first attempt takes it instead of sending again, so the retries,
        // their delays and what is logged are those of a call that went through Polly from the start. A call cancelled
        // before it starts goes to Polly unsent, which refuses it as it always did.
        Task<HttpResponseMessage>? first = null;
        if (!cancellationToken.IsCancellationRequested)
        {
            first = SendInnerAsync(request, cancellationToken);
            if (first.IsCompletedSuccessfully && !ShouldRetry(Outcome.FromResult(first.Result), request, plan.Options))
            {
                budget.StartAttempt();
                return first;
            }
        }

        return RetryAsync(request, plan, first, budget, cancellationToken);
    }

    private async Task<HttpResponseMessage> RetryAsync(HttpRequestMessage request, Plan plan, Task<HttpResponseMessage>? first, CallBudget budget, CancellationToken cancellationToken)
    {
        // An answer still on its way (a real socket) is awaited here first: only an outcome worth retrying pays for
        // Polly's pipeline, and an outcome that is not is returned or thrown exactly as Polly would have passed it on.
        if (first is not null)
        {
            HttpResponseMessage? answer = null;
            try
            {
                answer = await first.ConfigureAwait(false);
            }
            catch (Exception e) when (!ShouldRetry(Outcome.FromException<HttpResponseMessage>(e), request, plan.Options))
            {
                budget.StartAttempt();
                throw;
            }
            catch (Exception)
            {
                // Worth retrying: the pipeline below takes this outcome from the task as its first attempt.
            }

            if (answer is not null && !ShouldRetry(Outcome.FromResult(answer), request, plan.Options))
            {
                budget.StartAttempt();
                return answer;
            }
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            // Static: the per-call state travels in the tuple and the call's budget, so no closure is allocated.
            return await plan.Pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    if (state.budget.StartAttempt() == 0)
                    {
                        return await (state.first ?? state.handler.BaseSendAsync(state.request, ctx.CancellationToken)).ConfigureAwait(false);
                    }

                    // A sent request cannot be sent again: later attempts send a copy.
                    var copy = await HttpRequestCloning.CloneAsync(state.request, ctx.CancellationToken).ConfigureAwait(false);
                    return await state.handler.BaseSendAsync(copy, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (request, first, handler: this, budget)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);

            // Cancelled before Polly took the first attempt's answer: nobody else will dispose it.
            if (budget.Attempts == 0 && first is { IsCompletedSuccessfully: true })
            {
                first.Result.Dispose();
            }
        }
    }

    private Task<HttpResponseMessage> BaseSendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage request, RetryHandlerOptions options)
    {
        var budget = CallBudget.Of(request);
        var now = _time.GetUtcNow();
        if (budget is not null && now >= budget.Deadline)
        {
            return false; // The call's time is up; what happened last is what the caller sees.
        }

        switch (outcome.Exception)
        {
            case null:
                break;
            case HttpRequestException e when TotalExpertTransportException.NeverConnected(e):
                return true; // Nothing reached TE: safe for every method.
            case TotalExpertApiException { BeforeSending: true } e:
                return IsTransient(e); // Obtaining a token failed; the call itself was never sent.
            case TotalExpertTransportException { MayHaveBeenProcessed: false }:
                return true;
            case HttpRequestException or TotalExpertTransportException or TotalExpertTimeoutException:
                return MayRepeat(request, options); // The request may have been processed.
            default:
                return false; // Cancellation, refusals, unreadable answers and programming errors are not retried.
        }

        var response = outcome.Result!;
        return response.StatusCode switch
        {
            // TE refused it unprocessed; but a Retry-After beyond the call's budget is not worth waiting for.
            HttpStatusCode.TooManyRequests => budget is null || RetryAfter.From(response, _time) is not { } wait || now + wait < budget.Deadline,
            HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => MayRepeat(request, options),
            _ => false,
        };
    }

    /// <summary>Whether a failure is worth another try: TE or the network may answer differently next time.</summary>
    internal static bool IsTransient(TotalExpertApiException e) =>
        e is TotalExpertTransportException or TotalExpertTimeoutException
        || (e is TotalExpertServerException && e.StatusCode is 502 or 503 or 504);

    /// <summary>
    /// Whether repeating a request that TE may already have processed is harmless: what the spec says of its operation
    /// (<see cref="TeOperation.RetrySafe"/>), or a POST the options add.
    /// </summary>
    private static bool MayRepeat(HttpRequestMessage request, RetryHandlerOptions options) =>
        request.Method != HttpMethod.Post
        || TeOperation.Of(request)?.Deduplicated == true
        || (options.DeduplicatedPostPaths.Count > 0 && options.DeduplicatedPostPaths.Contains(request.RequestUri?.AbsolutePath ?? "", StringComparer.OrdinalIgnoreCase));

    /// <summary>One set of retry settings and the pipeline built from them.</summary>
    private sealed record Plan(RetryHandlerOptions Options, ResiliencePipeline<HttpResponseMessage> Pipeline, bool Retrying);
}
