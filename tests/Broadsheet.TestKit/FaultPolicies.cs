using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Broadsheet.TestKit;

/// <summary>Fails the first matching request with an exception the storage retry does not handle (so the activity fails).</summary>
public sealed class FailOncePolicy(Func<HttpMessage, bool> matches) : HttpPipelinePolicy
{
    private int _failures;
    public int Failures => _failures;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Check(HttpMessage message)
    {
        if (matches(message) && Interlocked.CompareExchange(ref _failures, 1, 0) == 0)
            throw new InvalidOperationException("injected fault: worker lost its connection");
    }
}

/// <summary>Answers the first matching request with <paramref name="status"/> instead of what storage said (404: a blob storage lost).</summary>
public sealed class AnswerOncePolicy(int status, Func<HttpMessage, bool> matches) : HttpPipelinePolicy
{
    private int _answered;
    public int Answered => _answered;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        if (matches(message) && Interlocked.CompareExchange(ref _answered, 1, 0) == 0)
            message.Response = new FakeResponse(status, "Injected", message.Request.ClientRequestId);
    }
}

/// <summary>Answers the first N requests after Arm() with 503 Server Busy, as a throttled account does.</summary>
public sealed class ThrottlePolicy(int times) : HttpPipelinePolicy
{
    private int _remaining;
    private int _throttled;
    public int Throttled => _throttled;

    public void Arm() => Interlocked.Exchange(ref _remaining, times);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        if (Interlocked.Decrement(ref _remaining) >= 0)
        {
            Interlocked.Increment(ref _throttled);
            message.Response = new FakeResponse(503, "Server Busy", message.Request.ClientRequestId);
        }
    }
}

/// <summary>Holds matching requests until <see cref="Open"/>: keeps a call (and the activity making it) in flight while a test looks.</summary>
public sealed class GatePolicy(Func<HttpMessage, bool> matches) : HttpPipelinePolicy, IDisposable
{
    private readonly SemaphoreSlim _reached = new(0);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SemaphoreSlim Reached => _reached;

    public void Open() => _open.TrySetResult();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (matches(message))
        {
            _reached.Release();
            await _open.Task;
        }
        await ProcessNextAsync(message, pipeline);
    }

    public void Dispose()
    {
        Open();
        _reached.Dispose();
    }
}

/// <summary>A response the service never sent: what a fault policy answers in its place.</summary>
public sealed class FakeResponse(int status, string reason, string requestId) : Response
{
    public override int Status => status;
    public override string ReasonPhrase => reason;
    public override Stream? ContentStream { get; set; } = new MemoryStream();
    public override string ClientRequestId { get; set; } = requestId;
    public override void Dispose() { }
    protected override bool ContainsHeader(string name) => false;
    protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];
    protected override bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) { value = null; return false; }
    protected override bool TryGetHeaderValues(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values) { values = null; return false; }
}
