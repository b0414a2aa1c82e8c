using System.Text.Json.Nodes;

namespace Broadsheet.Infra.Tests.Support;

/// <summary>
/// Builds infra/main.bicep to ARM JSON once, and takes deployment snapshots of it (`bicep snapshot`: the
/// resources ARM would deploy, with every expression that can be evaluated before deployment evaluated):
/// <see cref="Full"/> with a deploying user, <see cref="FirstProvision"/> with only the parameters azd must supply,
/// and <see cref="StaleEnvironment"/> from main.parameters.json as azd fills it from an environment that an older
/// postdeploy hook marked "upload events wired". Works on a copy of infra/ so nothing is written into the source tree.
/// </summary>
public sealed class Templates : IDisposable
{
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000a1";
    public const string TenantId = "00000000-0000-0000-0000-0000000000b2";
    public const string UserPrincipalId = "00000000-0000-0000-0000-0000000000c3";
    public const string Location = "swedencentral";

    /// <summary>Stands in for the continuation-token key azd generates once per environment.</summary>
    public const string GeneratedTokenKey = "azd-generated-key-0123456789abcdef0123456789ab";

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
            param continuationTokenKey = '{GeneratedTokenKey}'
            """);
        FirstProvision = TakeSnapshot("first", $"""
            param environmentName = 'ci'
            param location = '{Location}'
            param continuationTokenKey = '{GeneratedTokenKey}'
            """);
        StaleEnvironment = TakeSnapshot("stale", AzdParameters(new Dictionary<string, string>
        {
            ["AZURE_ENV_NAME"] = "ci",
            ["AZURE_LOCATION"] = Location,
            ["UPLOAD_EVENTS_ENABLED"] = "true",
        }));

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

    /// <summary>`azd up` in a fresh environment (after `azd down --purge`) whose .env still says UPLOAD_EVENTS_ENABLED=true.</summary>
    public Snapshot StaleEnvironment { get; }

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

    /// <summary>
    /// The parameters azd passes to main.bicep: main.parameters.json with ${NAME} and ${NAME=default} filled from
    /// <paramref name="environment"/>, plus a value for each parameter azd generates (metadata azd.type = generate).
    /// </summary>
    private string AzdParameters(IReadOnlyDictionary<string, string> environment)
    {
        var declared = Compiled["parameters"]?.AsObject() ?? new JsonObject();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(_workDir, "main.parameters.json")))!["parameters"]!.AsObject();
        var lines = new List<string>();
        foreach (var (name, entry) in file)
        {
            var value = System.Text.RegularExpressions.Regex.Replace((string)entry!["value"]!, @"\$\{(\w+)(?:=([^}]*))?\}",
                m => environment.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Groups[2].Value);
            var type = (string?)declared[name]?["type"];
            lines.Add($"param {name} = {(type is "bool" or "int" ? value : "'" + value + "'")}");
        }
        foreach (var (name, parameter) in declared)
        {
            if ((string?)parameter?["metadata"]?["azd"]?["type"] == "generate" && !file.ContainsKey(name))
            {
                lines.Add($"param {name} = '{GeneratedTokenKey}'");
            }
        }

        return string.Join('\n', lines);
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
