using Azure;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Broadsheet.Storage;

/// <summary>
/// The one resilience pipeline around every storage call: retry on throttling (429/503), server errors, network
/// failures and attempt timeouts, with exponential backoff and jitter. The SDK clients are built with
/// Retry.MaxRetries = 0, so each attempt here is exactly one HTTP request and MaxAttempts is the whole budget
/// (otherwise 4 Polly attempts × 4 SDK retries would hammer a throttled account 16 times).
/// </summary>
public static class StorageResilience
{
    public static ResiliencePipeline Create(StorageOptions options) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<RequestFailedException>(IsTransient)
                    .Handle<TimeoutRejectedException>()
                    .Handle<HttpRequestException>(),
                MaxRetryAttempts = Math.Max(0, options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(20),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    /// <summary>Worth another try: throttled, busy, timed out, a server error, or no HTTP answer at all (status 0).</summary>
    public static bool IsTransient(RequestFailedException e) =>
        e.Status is 0 or 408 or 429 or 500 or 502 or 503 or 504;
}
