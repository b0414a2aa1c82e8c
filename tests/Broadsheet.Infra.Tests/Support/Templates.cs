using System.Text.Json.Nodes;

namespace Broadsheet.Infra.Tests.Support;

/// <summary>
/// Builds infra/main.bicep to ARM JSON once, and takes two deployment snapshots of it (`bicep snapshot`: the
/// resources ARM would deploy, with every expression that can be evaluated before deployment evaluated):
/// <see cref="Full"/> as azd runs it after the postdeploy hook (upload events on, a deploying user), and
/// <see cref="FirstProvision"/> with only the required parameters, as the first `azd provision` runs it.
/// Works on a copy of infra/ so nothing is written into the source tree.
/// </summary>
public sealed class Templates : IDisposable
{
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000a1";
    public const string TenantId = "00000000-0000-0000-0000-0000000000b2";
    public const string UserPrincipalId = "00000000-0000-0000-0000-0000000000c3";
    public const string Location = "swedencentral";

    private readonly string _workDir;

    public Templates()
    {
        _workDir = Directory.CreateTempSubdirectory("broadsheet-infra-").FullName;
        CopyDirectory(Repo.Infra, _workDir);

        BuildResult = Bicep.Run(_workDir, "build", "main.bicep", "--outfile", "main.json");
        Compiled = BuildResult.ExitCode == 0 ? JsonNode.Parse(File.ReadAllText(Path.Combine(_workDir, "main.json")))!.AsObject() : new JsonObject();

        Full = TakeSnapshot("full", $"""
            param environmentName = 'ci'
            param location = '{Location}'
            param principalId = '{UserPrincipalId}'
            param uploadEventsEnabled = true
            """);
        FirstProvision = TakeSnapshot("first", $"""
            param environmentName = 'ci'
            param location = '{Location}'
            """);

        // The postdeploy hook deploys the subscription module on its own, with just these three names.
        string? NameOf(string type) => (string?)Full.OfType(type).FirstOrDefault()?["name"];
        HookDeployment = TakeSnapshot("hook", $"""
            param systemTopicName = '{NameOf("Microsoft.EventGrid/systemTopics")}'
            param functionAppName = '{NameOf("Microsoft.Web/sites")}'
            param storageAccountName = '{NameOf("Microsoft.Storage/storageAccounts")}'
            """, template: "app/upload-subscription.bicep", resourceGroup: (string?)Full.Output("AZURE_RESOURCE_GROUP"));
    }

    public BicepResult BuildResult { get; }

    /// <summary>The ARM JSON `bicep build` produced.</summary>
    public JsonObject Compiled { get; }

    public Snapshot Full { get; }

    public Snapshot FirstProvision { get; }

    /// <summary>infra/app/upload-subscription.bicep deployed alone, as scripts/azd-postdeploy.sh does.</summary>
    public Snapshot HookDeployment { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private Snapshot TakeSnapshot(string name, string parameters, string template = "main.bicep", string? resourceGroup = null)
    {
        var paramFile = Path.Combine(_workDir, $"{name}.bicepparam");
        File.WriteAllText(paramFile, $"using '{template}'\n{parameters}\n");
        string[] args =
        [
            "snapshot", paramFile, "--mode", "overwrite",
            "--subscription-id", SubscriptionId, "--tenant-id", TenantId, "--location", Location,
            .. resourceGroup is null ? Array.Empty<string>() : ["--resource-group", resourceGroup],
        ];
        var result = Bicep.Run(_workDir, args);
        var snapshotFile = Path.Combine(_workDir, $"{name}.snapshot.json");
        var json = result.ExitCode == 0 && File.Exists(snapshotFile)
            ? JsonNode.Parse(File.ReadAllText(snapshotFile))!.AsObject()
            : new JsonObject();
        return new Snapshot(result, json);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

public sealed record Snapshot(BicepResult Result, JsonObject Json)
{
    public IReadOnlyList<JsonObject> Resources =>
        Json["predictedResources"]?.AsArray().Select(r => r!.AsObject()).ToList() ?? [];

    public IReadOnlyList<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    public JsonObject Single(string type)
    {
        var matches = OfType(type);
        Assert.True(matches.Count == 1, $"expected one {type}, found {matches.Count}");
        return matches[0];
    }

    public string? Output(string name) => (string?)Json["outputs"]?[name];
}

[CollectionDefinition(Name)]
public sealed class TemplatesCollection : ICollectionFixture<Templates>
{
    public const string Name = "templates";
}
