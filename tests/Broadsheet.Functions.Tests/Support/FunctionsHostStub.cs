using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Functions.Tests.Support;

/// <summary>
/// The Functions host's end of its gRPC protocol with a language worker (<c>FunctionRpc.EventStream</c>, one
/// bidirectional stream of <c>StreamingMessage</c>s), on Kestrel over HTTP/2 cleartext on a free loopback port.
/// The messages are described by the protocol's own descriptor, which the worker ships in
/// Microsoft.Azure.Functions.Worker.Grpc (its generated classes are internal; the descriptor is all a test needs):
/// messages are written and read as the protocol's JSON form, so a test reads like the conversation it has.
/// </summary>
public sealed class FunctionsHostStub : IAsyncDisposable
{
    private static readonly FileDescriptor Protocol = (FileDescriptor)Type
        .GetType("Microsoft.Azure.Functions.Worker.Grpc.Messages.FunctionRpcReflection, Microsoft.Azure.Functions.Worker.Grpc", throwOnError: true)!
        .GetProperty("Descriptor")!.GetValue(null)!;

    private static readonly MessageDescriptor StreamingMessage = Protocol.MessageTypes.Single(m => m.Name == "StreamingMessage");

    private static readonly Marshaller<IMessage> Messages = Marshallers.Create(
        (IMessage m) => m.ToByteArray(), bytes => StreamingMessage.Parser.ParseFrom(bytes));

    internal static readonly Method<IMessage, IMessage> EventStream = new(
        MethodType.DuplexStreaming, Protocol.Services.Single().FullName, "EventStream", Messages, Messages);

    private readonly Channel<JsonObject> _received = Channel.CreateUnbounded<JsonObject>();
    private readonly Channel<IMessage> _toSend = Channel.CreateUnbounded<IMessage>();
    private readonly List<JsonObject> _skipped = [];
    private WebApplication? _server;

    private FunctionsHostStub()
    {
    }

    /// <summary>Where the worker connects (the host passes it as --functions-uri).</summary>
    public Uri Uri { get; private set; } = null!;

    /// <summary>What the worker logged over the stream (RpcLog messages), for failure messages.</summary>
    public ConcurrentQueue<string> WorkerLogs { get; } = new();

    public static async Task<FunctionsHostStub> StartAsync()
    {
        var stub = new FunctionsHostStub();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = null;
            o.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(stub);
        var server = builder.Build();
        server.MapGrpcService<EventStreamService>();
        await server.StartAsync();
        stub._server = server;
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub.Uri = new Uri(address.TrimEnd('/') + "/");
        return stub;
    }

    /// <summary>Sends one StreamingMessage, written as its JSON form (e.g. <c>{"workerInitRequest": {…}}</c>).</summary>
    public ValueTask SendAsync(JsonObject message) =>
        _toSend.Writer.WriteAsync(JsonParser.Default.Parse(message.ToJsonString(), StreamingMessage));

    /// <summary>
    /// The next message the worker sent whose content is <paramref name="content"/> (e.g. "startStream") and that
    /// <paramref name="match"/> accepts, as JSON. Other messages are kept for later calls, so the order of
    /// concurrent replies does not matter.
    /// </summary>
    public async Task<JsonObject> ReceiveAsync(string content, Func<JsonObject, bool>? match, CancellationToken ct)
    {
        bool Wanted(JsonObject m) => m.ContainsKey(content) && (match is null || match(m));
        lock (_skipped)
        {
            var kept = _skipped.FirstOrDefault(Wanted);
            if (kept is not null)
            {
                _skipped.Remove(kept);
                return kept;
            }
        }

        while (true)
        {
            var message = await _received.Reader.ReadAsync(ct);
            if (Wanted(message))
            {
                return message;
            }

            lock (_skipped)
            {
                _skipped.Add(message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _toSend.Writer.TryComplete();
        if (_server is not null)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _server.StopAsync(stopping.Token);
            await _server.DisposeAsync();
        }
    }

    /// <summary>One call of EventStream: the worker's messages go to <see cref="ReceiveAsync"/>, ours go out in order.</summary>
    internal async Task ConverseAsync(IAsyncStreamReader<IMessage> requests, IServerStreamWriter<IMessage> responses, CancellationToken ct)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sending = Task.Run(async () =>
        {
            await foreach (var message in _toSend.Reader.ReadAllAsync(done.Token))
            {
                await responses.WriteAsync(message, done.Token);
            }
        }, done.Token);

        try
        {
            await foreach (var message in requests.ReadAllAsync(ct))
            {
                var json = JsonNode.Parse(JsonFormatter.Default.Format(message))!.AsObject();
                if (json["rpcLog"] is { } log)
                {
                    WorkerLogs.Enqueue($"{log["level"]} {log["category"]}: {log["message"]} {log["exception"]?["message"]}".TrimEnd());
                    continue;
                }

                _received.Writer.TryWrite(json);
            }
        }
        finally
        {
            await done.CancelAsync();
            try
            {
                await sending;
            }
            catch (OperationCanceledException)
            {
                // The stream ended.
            }
        }
    }
}

/// <summary>
/// The gRPC service Grpc.AspNetCore binds. It finds the handler by the protocol's method name and wants it virtual
/// on the class that carries <see cref="BindServiceMethodAttribute"/> (as generated service bases have it).
/// </summary>
[BindServiceMethod(typeof(EventStreamService), nameof(BindService))]
public class EventStreamService(FunctionsHostStub host)
{
    public static void BindService(ServiceBinderBase binder, EventStreamService? service) =>
        binder.AddMethod(FunctionsHostStub.EventStream, service is null ? null : service.EventStream);

    public virtual Task EventStream(IAsyncStreamReader<IMessage> requests, IServerStreamWriter<IMessage> responses, ServerCallContext context) =>
        host.ConverseAsync(requests, responses, context.CancellationToken);
}
