using System.Xml.Linq;
using Broadsheet.Infra.Tests.Support;

namespace Broadsheet.Infra.Tests;

/// <summary>The templates build and lint with zero errors and zero warnings (rules in infra/bicepconfig.json).</summary>
[Collection(TemplatesCollection.Name)]
public sealed class BicepToolingTests(Templates templates)
{
    [Fact]
    public void Main_template_builds_to_arm_json_without_diagnostics()
    {
        Assert.True(templates.BuildResult.ExitCode == 0, templates.BuildResult.Output);
        Assert.True(templates.BuildResult.Output.Trim().Length == 0, $"bicep build reported:\n{templates.BuildResult.Output}");
        Assert.Equal("https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#", (string?)templates.Compiled["$schema"]);
    }

    [Fact]
    public void Every_template_lints_clean()
    {
        var files = Directory.GetFiles(Repo.Infra, "*.bicep", SearchOption.AllDirectories);
        Assert.True(files.Length >= 7, $"expected main.bicep and its modules, found {files.Length}");

        var result = Bicep.Run(Repo.Root, "lint", "--pattern", "infra/**/*.bicep");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain(" : Error ", result.Output);
        Assert.DoesNotContain(" : Warning ", result.Output);
    }

    [Fact]
    public void Snapshots_evaluate_without_diagnostics()
    {
        foreach (var snapshot in new[] { templates.Full, templates.FirstProvision })
        {
            Assert.True(snapshot.Result.ExitCode == 0, snapshot.Result.Output);
            Assert.Empty(snapshot.Json["diagnostics"]?.AsArray() ?? []);
            Assert.NotEmpty(snapshot.Resources);
        }
    }

    [Fact]
    public void Bicep_cli_version_matches_the_central_package_version()
    {
        var central = XDocument.Load(Repo.PathOf("Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == "Azure.Bicep.CommandLine.linux-x64");

        Assert.Equal((string?)central.Attribute("Version"), Bicep.Version);
        Assert.Contains($"Bicep CLI version {Bicep.Version} ", Bicep.Run(Repo.Root, "--version").Stdout);
    }
}
