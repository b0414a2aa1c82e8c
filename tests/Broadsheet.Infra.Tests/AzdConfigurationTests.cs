using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Broadsheet.Infra.Tests.Support;

namespace Broadsheet.Infra.Tests;

/// <summary>azure.yaml, the parameters file and the postdeploy hook fit the template and the app.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class AzdConfigurationTests(Templates templates)
{
    [Fact]
    public void Parameters_file_supplies_every_required_parameter_and_only_known_ones()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Infra, "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = templates.Compiled["parameters"]!.AsObject();

        Assert.Empty(file.Select(p => p.Key).Except(declared.Select(p => p.Key)));
        // Required means no default; the ones azd generates itself (once per environment) are not in the file.
        var required = declared.Where(p => p.Value!["defaultValue"] is null && (string?)p.Value["metadata"]?["azd"]?["type"] != "generate").Select(p => p.Key);
        Assert.Empty(required.Except(file.Select(p => p.Key)));

        // azd fills these from its environment.
        Assert.Equal("${AZURE_ENV_NAME}", (string?)file["environmentName"]!["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)file["location"]!["value"]);
    }

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_the_api_service()
    {
        var yaml = File.ReadAllText(Repo.PathOf("azure.yaml"));

        var service = Regex.Match(yaml, @"^services:\s*\n  api:\s*\n((?:    .*\n)+)", RegexOptions.Multiline);
        Assert.True(service.Success, "azure.yaml has no `api` service");
        var body = service.Groups[1].Value;
        Assert.Matches(@"(?m)^    language: dotnet$", body);
        Assert.Matches(@"(?m)^    host: function$", body);
        var project = Regex.Match(body, @"(?m)^    project: (\S+)$").Groups[1].Value;
        Assert.Equal("./src/Broadsheet.Functions", project);
        var csproj = Path.Combine(Repo.Root, project, "Broadsheet.Functions.csproj");
        Assert.Contains("<AzureFunctionsVersion>v4</AzureFunctionsVersion>", File.ReadAllText(csproj));

        // The app carries the matching tag, so `azd deploy` finds it.
        Assert.Equal("api", (string?)templates.Full.Single("Microsoft.Web/sites")["tags"]!["azd-service-name"]);

        foreach (var hook in Regex.Matches(yaml, @"run: (\./scripts/\S+)").Select(m => m.Groups[1].Value))
        {
            Assert.True(File.Exists(Path.Combine(Repo.Root, hook)), $"hook {hook} missing");
        }
    }

    [Fact]
    public void Postdeploy_hook_deploys_the_upload_subscription()
    {
        using var fake = new FakeCli();

        var run = fake.RunHook(new() { ["UPLOAD_EVENTS_ENABLED"] = "" });

        Assert.True(run.ExitCode == 0, run.Output);
        var az = Assert.Single(fake.Calls("az"));
        Assert.StartsWith("deployment group create --name upload-subscription --resource-group rg-test --template-file ", az);
        Assert.EndsWith("/infra/app/upload-subscription.bicep --parameters systemTopicName=evgt-test functionAppName=func-test storageAccountName=sttest --only-show-errors --output none", az);
        // Nothing written back to the azd environment: provisioning must never depend on it.
        Assert.Empty(fake.Calls("azd"));
    }

    [Fact]
    public void Postdeploy_hook_retries_while_the_app_starts_and_fails_clearly_if_it_never_answers()
    {
        using var fake = new FakeCli(azFailures: 2);
        var run = fake.RunHook(new() { ["UPLOAD_EVENTS_ENABLED"] = "false" });
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(3, fake.Calls("az").Count);

        using var broken = new FakeCli(azFailures: 100);
        var failed = broken.RunHook(new() { ["UPLOAD_EVENTS_ENABLED"] = "false" });
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Equal(5, broken.Calls("az").Count);
        Assert.Contains("error: could not create the upload event subscription", failed.Stderr);
    }

    [Fact]
    public void Postdeploy_hook_wires_the_events_on_every_deploy_even_where_an_old_hook_marked_them_wired()
    {
        // An environment from before: the old hook set UPLOAD_EVENTS_ENABLED=true and then did nothing on later
        // deploys, counting on main.bicep. After `azd down --purge` and `azd up` that left the new app unwired.
        using var fake = new FakeCli();

        var run = fake.RunHook(new() { ["UPLOAD_EVENTS_ENABLED"] = "true" });

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.StartsWith("deployment group create --name upload-subscription ", Assert.Single(fake.Calls("az")));
    }

    /// <summary>Stand-ins for az, azd and curl on PATH that record their arguments.</summary>
    private sealed class FakeCli : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("broadsheet-hook-").FullName;

        public FakeCli(int azFailures = 0)
        {
            Write("az", $"""
                echo "$*" >> "{_dir}/az.calls"
                [ "$(wc -l < "{_dir}/az.calls")" -gt {azFailures} ]
                """);
            Write("azd", $"echo \"$*\" >> \"{_dir}/azd.calls\"");
            Write("curl", "exit 0");
        }

        public IReadOnlyList<string> Calls(string tool)
        {
            var file = Path.Combine(_dir, $"{tool}.calls");
            return File.Exists(file) ? File.ReadAllLines(file) : [];
        }

        public BicepResult RunHook(Dictionary<string, string> extra)
        {
            var start = new ProcessStartInfo("sh")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Repo.Root,
            };
            start.ArgumentList.Add(Repo.PathOf("scripts", "azd-postdeploy.sh"));
            start.Environment["PATH"] = $"{_dir}:/usr/bin:/bin";
            start.Environment["AZURE_RESOURCE_GROUP"] = "rg-test";
            start.Environment["AZURE_FUNCTION_APP_NAME"] = "func-test";
            start.Environment["AZURE_STORAGE_ACCOUNT_NAME"] = "sttest";
            start.Environment["EVENT_GRID_SYSTEM_TOPIC_NAME"] = "evgt-test";
            start.Environment["UPLOAD_EVENTS_RETRY_SECONDS"] = "0";
            foreach (var (key, value) in extra)
            {
                start.Environment[key] = value;
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "hook hung");
            return new BicepResult(process.ExitCode, stdout.Result, stderr.Result);
        }

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private void Write(string name, string body)
        {
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("the hook tests run the POSIX hook");
            }

            var path = Path.Combine(_dir, name);
            File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
