using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Broadsheet.Functions.Tests.Support;

namespace Broadsheet.Functions.Tests;

/// <summary>
/// What the build hands the Functions host — functions.metadata, extensions.json, host.json — against what infra/
/// wires to it: the Event Grid webhook names a function and a container, the app settings name connections. A
/// renamed trigger, container or connection fails here, not as an app in Azure that silently receives nothing.
/// </summary>
public sealed class BuildOutputTests
{
    /// <summary>The host extension each binding type needs in extensions.json; null: built into the host.</summary>
    private static readonly Dictionary<string, string?> ExtensionOf = new()
    {
        ["blobTrigger"] = "AzureStorageBlobs",
        ["orchestrationTrigger"] = "DurableTask",
        ["activityTrigger"] = "DurableTask",
        ["durableClient"] = "DurableTask",
        ["httpTrigger"] = null,
        ["http"] = null,
        ["timerTrigger"] = null,
    };

    /// <summary>Every identity-based connection is these settings (no connection string, so no key).</summary>
    private static readonly string[] IdentitySettings = ["credential", "clientId", "blobServiceUri", "queueServiceUri", "tableServiceUri"];

    private static readonly JsonArray Functions = JsonNode.Parse(File.ReadAllText(FunctionApp.PathOf("functions.metadata")))!.AsArray();

    private static IEnumerable<JsonObject> AllBindings =>
        Functions.SelectMany(f => f!["bindings"]!.AsArray()).Select(b => b!.AsObject());

    private static string Infra(string file) => File.ReadAllText(FunctionApp.RepoPath("infra", file));

    private static string One(string text, string pattern, string what)
    {
        var match = Regex.Match(text, pattern, RegexOptions.Multiline);
        Assert.True(match.Success, $"could not find {what} (pattern {pattern})");
        return match.Groups[1].Value;
    }

    [Fact]
    public void Event_grid_webhook_names_the_blob_trigger_and_container_the_build_produced()
    {
        var triggers = Functions
            .Select(f => (Name: (string)f!["name"]!, Trigger: f["bindings"]!.AsArray().Select(b => b!.AsObject()).SingleOrDefault(b => (string?)b["type"] == "blobTrigger")))
            .Where(f => f.Trigger is not null)
            .ToList();
        var (name, trigger) = Assert.Single(triggers);
        Assert.Equal("EventGrid", (string?)trigger!["source"]);

        // The subscription the postdeploy hook deploys: its defaults are what gets deployed (the hook passes only names).
        var subscription = Infra("app/upload-subscription.bicep");
        Assert.Equal(name, One(subscription, @"^param functionName string = '([^']+)'", "the webhook's functionName"));
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=", subscription);
        var container = One(subscription, @"^param issuesContainerName string = '([^']+)'", "the subscribed container");
        Assert.Equal(container + "/{name}", (string?)trigger["path"]);
        Assert.Equal(container, One(Infra("main.bicep"), @"^\s*issues: '([^']+)'", "the issues container main.bicep creates"));
        var hook = File.ReadAllText(FunctionApp.RepoPath("scripts", "azd-postdeploy.sh"));
        Assert.DoesNotContain("functionName=", hook);
        Assert.DoesNotContain("issuesContainerName=", hook);
    }

    [Fact]
    public void Every_connection_the_bindings_use_is_wired_with_the_managed_identity()
    {
        var settings = Regex.Matches(Infra("app/function-app.bicep"), @"^\s*(\w+?)__(\w+):", RegexOptions.Multiline)
            .GroupBy(m => m.Groups[1].Value, m => m.Groups[2].Value)
            .ToDictionary(g => g.Key, g => g.ToHashSet());
        var connections = AllBindings.Select(b => (string?)b["connection"]).OfType<string>().ToHashSet();
        Assert.Contains("IssueStorage", connections);
        // The host's own storage (Durable task hub, timer schedules, blob receipts) is named by no binding.
        connections.Add("AzureWebJobsStorage");

        var sample = JsonNode.Parse(File.ReadAllText(FunctionApp.RepoPath("local.settings.sample.json")))!["Values"]!.AsObject();
        foreach (var connection in connections)
        {
            Assert.True(settings.TryGetValue(connection, out var wired), $"infra/app/function-app.bicep sets no {connection}__* settings");
            Assert.Empty(IdentitySettings.Except(wired));
            Assert.True(sample.ContainsKey(connection), $"local.settings.sample.json has no {connection} for `func start`");
        }
    }

    [Fact]
    public void Extensions_the_bindings_need_are_in_the_build()
    {
        var extensions = JsonNode.Parse(File.ReadAllText(FunctionApp.PathOf("extensions.json")))!["extensions"]!.AsArray()
            .Select(e => e!.AsObject()).ToList();
        foreach (var type in AllBindings.Select(b => (string)b["type"]!).Distinct())
        {
            Assert.True(ExtensionOf.TryGetValue(type, out var extension), $"binding type {type} is new: say in {nameof(ExtensionOf)} which extension it needs");
            if (extension is not null)
            {
                Assert.Contains(extensions, e => (string?)e["name"] == extension);
            }
        }

        foreach (var hint in extensions.Select(e => (string)e["hintPath"]!))
        {
            Assert.True(File.Exists(FunctionApp.PathOf(hint)), $"extensions.json points at {hint}, which the build did not write");
        }
    }

    [Fact]
    public void Host_json_in_the_build_is_the_repos_and_serves_the_api_where_infra_says()
    {
        var built = File.ReadAllText(FunctionApp.PathOf("host.json"));
        Assert.Equal(File.ReadAllText(FunctionApp.RepoPath("host.json")), built);

        var host = JsonNode.Parse(built)!.AsObject();
        Assert.Equal("2.0", (string?)host["version"]);
        // A dotnet-isolated app brings its extensions in the build (extensions.json); a bundle is for other languages.
        Assert.Null(host["extensionBundle"]);
        var prefix = (string?)host["extensions"]?["http"]?["routePrefix"] ?? "api";
        Assert.Equal($"/{prefix}'", One(Infra("main.bicep"), @"^output API_BASE_URL string = .*\}(/\w+')$", "the API_BASE_URL output"));
        Assert.False(string.IsNullOrEmpty((string?)host["extensions"]?["durableTask"]?["hubName"]), "host.json names no Durable task hub");
    }

    [Fact]
    public void The_sweep_takes_an_orchestration_for_wedged_only_after_an_activity_attempt_and_a_retry_wait_could_have_moved_it()
    {
        // A live orchestration's status moves at least once per activity attempt (cut off at functionTimeout) or retry wait.
        var host = JsonNode.Parse(File.ReadAllText(FunctionApp.RepoPath("host.json")))!.AsObject();
        var attempt = TimeSpan.Parse((string)host["functionTimeout"]!, System.Globalization.CultureInfo.InvariantCulture);
        var retryWait = Broadsheet.Ingestion.IngestOrchestrator.ActivityRetry.Retry!.Policy!.MaxRetryInterval;
        Assert.True(attempt + retryWait < Broadsheet.Ingestion.StuckUploadSweep.DefaultStaleAfter,
            $"functionTimeout {attempt} + retry wait {retryWait} is not under the sweep's {Broadsheet.Ingestion.StuckUploadSweep.DefaultStaleAfter}");
    }
}
