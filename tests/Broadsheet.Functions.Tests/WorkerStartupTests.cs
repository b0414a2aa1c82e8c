using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Broadsheet.Functions.Tests.Support;
using Broadsheet.TestKit;

namespace Broadsheet.Functions.Tests;

/// <summary>
/// The built function app, started and driven the way the Functions host drives it (see <see cref="HostedWorker"/>):
/// it must start, accept the host's init request, report every function with the bindings the host will create
/// from them, and run a function through an invocation request. Nothing else in the repo starts the function app
/// (the dev host has its own Program), so this is what catches an app that crashes before any function runs.
/// </summary>
public sealed class WorkerStartupTests(StartedWorker started) : IClassFixture<StartedWorker>
{
    private static readonly string[] Activities = ["ParseIssue", "EnrichArticles", "PublishIssue", "RecordIngestFailure"];

    [Fact]
    public void Worker_connects_and_accepts_the_hosts_init_request()
    {
        Assert.Equal(started.Worker.WorkerId, (string?)started.StartStream["workerId"]);
        Assert.Equal("Success", (string?)started.Init["result"]!["status"]);
        // ConfigureFunctionsWebApplication: HTTP requests are proxied to the worker's own Kestrel at this address.
        Assert.StartsWith("http://", (string?)started.Init["capabilities"]?["HttpUri"]);
        Assert.Equal("Success", (string?)started.Metadata["result"]!["status"]);
    }

    [Fact]
    public void Worker_reports_every_function_and_nothing_else()
    {
        Assert.Equal(
            new[] { "EnrichArticles", "GetArticle", "GetIssue", "IngestIssue", "ListIssues", "OnIssueUploaded", "ParseIssue", "PublishIssue", "ReadingRoom", "RecordIngestFailure", "SearchArticles", "SweepStuckUploads" },
            started.Functions.Keys.Order(StringComparer.Ordinal));
        Assert.All(started.Functions.Values, f => Assert.False(string.IsNullOrEmpty((string?)f["functionId"])));
    }

    [Fact]
    public void Blob_trigger_takes_event_grid_notifications_for_the_issues_container_through_IssueStorage()
    {
        var bindings = started.Bindings("OnIssueUploaded");

        var trigger = Assert.Single(bindings, b => (string?)b["type"] == "blobTrigger");
        Assert.Equal("In", (string?)trigger["direction"]);
        Assert.Equal("issues/{name}", (string?)trigger["path"]);
        Assert.Equal("EventGrid", (string?)trigger["source"]);
        Assert.Equal("IssueStorage", (string?)trigger["connection"]);
        Assert.Single(bindings, b => (string?)b["type"] == "durableClient");
    }

    [Fact]
    public void Orchestrator_and_each_activity_are_durable_functions()
    {
        Assert.Equal(["orchestrationTrigger"], started.Bindings("IngestIssue").Select(b => (string?)b["type"]));
        foreach (var activity in Activities)
        {
            Assert.Equal(["activityTrigger"], started.Bindings(activity).Select(b => (string?)b["type"]));
        }
    }

    [Theory]
    [InlineData("ListIssues", "issues", "Function", "get")]
    [InlineData("GetIssue", "issues/{paper}/{date}", "Function", "get")]
    [InlineData("SearchArticles", "articles", "Function", "get")]
    [InlineData("GetArticle", "articles/{id}", "Function", "get")]
    [InlineData("ReadingRoom", "ui/{*path}", "Anonymous", "get,head")]
    public void Http_functions_have_their_routes_and_auth_levels(string name, string route, string authLevel, string methods)
    {
        var bindings = started.Bindings(name);

        var trigger = Assert.Single(bindings, b => (string?)b["type"] == "httpTrigger");
        Assert.Equal(route, (string?)trigger["route"]);
        Assert.Equal(authLevel, (string?)trigger["authLevel"]);
        Assert.Equal(methods.Split(','), trigger["methods"]!.AsArray().Select(m => (string?)m));
        var output = Assert.Single(bindings, b => (string?)b["direction"] == "Out");
        Assert.Equal(("$return", "http"), ((string?)output["name"], (string?)output["type"]));
    }

    [Fact]
    public void Stuck_upload_sweep_runs_on_a_timer_with_a_durable_client()
    {
        var bindings = started.Bindings("SweepStuckUploads");

        var timer = Assert.Single(bindings, b => (string?)b["type"] == "timerTrigger");
        Assert.Equal("0 */10 * * * *", (string?)timer["schedule"]);
        Assert.Single(bindings, b => (string?)b["type"] == "durableClient");
    }

    [Fact]
    public async Task Http_function_runs_through_an_invocation_request_against_the_configured_storage()
    {
        var (status, body, invocation) = await started.InvokeAsync("ListIssues", "api/issues?paper=" + Uri.EscapeDataString(StartedWorker.Paper));

        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}\n{started.Worker.Diagnostics()}");
        Assert.Equal("Success", (string?)invocation["result"]!["status"]);
        var issue = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal((StartedWorker.Paper, StartedWorker.Date, "complete", 8),
            (issue.GetProperty("paper").GetString(), issue.GetProperty("date").GetString(), issue.GetProperty("status").GetString(), issue.GetProperty("articles").GetInt32()));
    }

    [Fact]
    public async Task Telemetry_goes_out_with_a_token_of_the_managed_identity_the_authentication_string_names()
    {
        // An invocation makes telemetry (its storage calls are tracked as dependencies).
        await started.InvokeAsync("ListIssues", "api/issues");

        var upload = await started.Azure.Telemetry.WaitAsync(HostedWorker.StepTimeout);

        Assert.Equal("/v2.1/track", upload.Path);
        Assert.Equal("Bearer " + FakeAzureEndpoints.AccessToken, upload.Authorization);
        var tokenRequests = started.Azure.Requests.Where(r => r.Path == "/msi/token").ToList();
        Assert.NotEmpty(tokenRequests);
        Assert.All(tokenRequests, r =>
        {
            var query = Uri.UnescapeDataString(r.Query);
            Assert.Contains("client_id=" + StartedWorker.TelemetryClientId, query);
            Assert.Contains("resource=https://monitor.azure.com", query);
            Assert.Equal(FakeAzureEndpoints.IdentityHeader, r.IdentityHeader);
        });
        Assert.All(started.Azure.Requests.Where(r => r.Path.EndsWith("/track", StringComparison.Ordinal)),
            r => Assert.Equal("Bearer " + FakeAzureEndpoints.AccessToken, r.Authorization));
    }
}

/// <summary>
/// Azurite on free ports with one issue row in it, and the function app started against it, initialised and asked
/// for its functions, as the host does before it invokes anything.
/// </summary>
public sealed class StartedWorker : IAsyncLifetime
{
    public const string Paper = "济宁日报";
    public const string Date = "2022-08-08";

    /// <summary>The user-assigned identity APPLICATIONINSIGHTS_AUTHENTICATION_STRING names, as the Bicep sets it.</summary>
    public const string TelemetryClientId = "5b1e7a4c-0d7e-4d2f-9a51-3f0c2b8e6d11";

    private readonly AzuriteFixture _azurite = new();
    private readonly HashSet<string> _loaded = [];
    private readonly SemaphoreSlim _loading = new(1, 1);

    public HostedWorker Worker { get; private set; } = null!;

    public FakeAzureEndpoints Azure { get; private set; } = null!;

    public JsonObject StartStream { get; private set; } = null!;

    public JsonObject Init { get; private set; } = null!;

    public JsonObject Metadata { get; private set; } = null!;

    /// <summary>Each function's RpcFunctionMetadata, by name.</summary>
    public IReadOnlyDictionary<string, JsonObject> Functions { get; private set; } = null!;

    /// <summary>A function's bindings as the host reads them (its raw binding JSON).</summary>
    public IReadOnlyList<JsonObject> Bindings(string function) =>
        Assert.Contains(function, Functions)["rawBindings"]!.AsArray().Select(b => JsonNode.Parse((string)b!)!.AsObject()).ToList();

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var issues = new TableClient(_azurite.ConnectionString, "issues");
        await issues.CreateIfNotExistsAsync();
        await issues.UpsertEntityAsync(new TableEntity(Paper, Date)
        {
            ["Paper"] = Paper, ["Date"] = Date, ["Status"] = "complete", ["Pages"] = 1, ["Articles"] = 8, ["Updated"] = DateTimeOffset.UtcNow,
        });

        Azure = await FakeAzureEndpoints.StartAsync();
        Worker = await HostedWorker.StartAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["IssueStorage"] = _azurite.ConnectionString,
            ["ContinuationTokenKey"] = "start-up-test-key",
            // Telemetry as infra/app/function-app.bicep sets it, sent to loopback stand-ins of Azure's endpoints,
            // at once (developer mode) rather than every 30 s.
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={Azure.Uri}",
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = $"ClientId={TelemetryClientId};Authorization=AAD",
            ["IDENTITY_ENDPOINT"] = Azure.IdentityEndpoint.AbsoluteUri,
            ["IDENTITY_HEADER"] = FakeAzureEndpoints.IdentityHeader,
            ["APPINSIGHTS_DEVELOPER_MODE"] = "true",
            // Nothing else leaves the machine: no live metrics, no probe of the Azure instance metadata endpoint.
            ["ApplicationInsights__EnableQuickPulseMetricStream"] = "false",
            ["ApplicationInsights__EnableAzureInstanceMetadataTelemetryModule"] = "false",
        });

        StartStream = (await Worker.ReceiveAsync("startStream"))["startStream"]!.AsObject();
        Init = await Worker.RequestAsync("workerInitRequest", new JsonObject
        {
            ["hostVersion"] = "4.1040.0",
            ["workerDirectory"] = FunctionApp.Directory,
            ["functionAppDirectory"] = FunctionApp.Directory,
        }, "workerInitResponse");
        Metadata = await Worker.RequestAsync("functionsMetadataRequest",
            new JsonObject { ["functionAppDirectory"] = FunctionApp.Directory }, "functionMetadataResponse");
        Functions = (Metadata["functionMetadataResults"]?.AsArray() ?? [])
            .Select(f => f!.AsObject())
            .ToDictionary(f => (string)f["name"]!);
    }

    /// <summary>
    /// Runs an HTTP function as the host does: loads it (once), sends the invocation over gRPC and proxies the HTTP
    /// request itself to the worker's HttpUri, tagged with the invocation id, which the worker pairs with it.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Body, JsonNode Invocation)> InvokeAsync(string function, string pathAndQuery)
    {
        var metadata = Functions[function];
        var functionId = (string)metadata["functionId"]!;
        await _loading.WaitAsync();
        try
        {
            if (_loaded.Add(function))
            {
                var load = await Worker.RequestAsync("functionLoadRequest",
                    new JsonObject { ["functionId"] = functionId, ["metadata"] = metadata.DeepClone() }, "functionLoadResponse");
                Assert.Equal("Success", (string?)load["result"]!["status"]);
            }
        }
        finally
        {
            _loading.Release();
        }

        var invocationId = Guid.NewGuid().ToString();
        var url = new Uri(new Uri((string)Init["capabilities"]!["HttpUri"]!), pathAndQuery);
        await Worker.SendAsync(new JsonObject
        {
            ["requestId"] = Guid.NewGuid().ToString(),
            ["invocationRequest"] = new JsonObject
            {
                ["invocationId"] = invocationId,
                ["functionId"] = functionId,
                ["inputData"] = new JsonArray(new JsonObject
                {
                    ["name"] = "request",
                    ["data"] = new JsonObject { ["http"] = new JsonObject { ["method"] = "GET", ["url"] = url.AbsoluteUri } },
                }),
                ["traceContext"] = new JsonObject { ["traceParent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" },
            },
        });
        using var http = new HttpClient { Timeout = HostedWorker.StepTimeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("x-ms-invocation-id", invocationId);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var invocation = (await Worker.ReceiveAsync("invocationResponse", m => (string?)m["invocationResponse"]!["invocationId"] == invocationId))["invocationResponse"]!;
        return (response.StatusCode, body, invocation);
    }

    public async Task DisposeAsync()
    {
        if (Worker is not null)
        {
            await Worker.DisposeAsync();
        }

        if (Azure is not null)
        {
            await Azure.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }
}
