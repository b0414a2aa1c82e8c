using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Broadsheet.TestKit;

namespace Broadsheet.Reliability.Tests;

/// <summary>
/// Storage faults on a fixed rhythm, once armed: of every <c>Every</c> requests one is throttled (429/503, never
/// sent), one is sent and then answered 500 as if the server timed out (the write may well have happened: retries
/// must be idempotent), and one in <c>HangEvery</c> hangs until the caller's attempt timeout gives up on it.
/// Deterministic counters rather than random draws, so every run injects the same mix.
/// </summary>
public sealed class ChaosPolicy(int every = 5, int hangEvery = 31) : HttpPipelinePolicy
{
    private int _requests, _throttled, _lost, _hung;
    public volatile bool Armed;

    public int Throttled => _throttled;
    public int LostResponses => _lost;
    public int Hung => _hung;
    public int Faults => _throttled + _lost + _hung;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (!Armed)
        {
            await ProcessNextAsync(message, pipeline);
            return;
        }
        var n = Interlocked.Increment(ref _requests);
        if (n % hangEvery == 0)
        {
            Interlocked.Increment(ref _hung);
            await Task.Delay(Timeout.Infinite, message.CancellationToken); // the attempt timeout cancels this
        }
        else if (n % every == 1)
        {
            var status = n % 2 == 0 ? 429 : 503;
            Interlocked.Increment(ref _throttled);
            message.Response = new FakeResponse(status, status == 429 ? "Too Many Requests" : "Server Busy", message.Request.ClientRequestId);
        }
        else if (n % every == 3)
        {
            await ProcessNextAsync(message, pipeline);
            Interlocked.Increment(ref _lost);
            message.Response = new FakeResponse(500, "Operation could not be completed within the specified time", message.Request.ClientRequestId);
        }
        else
        {
            await ProcessNextAsync(message, pipeline);
        }
    }
}
