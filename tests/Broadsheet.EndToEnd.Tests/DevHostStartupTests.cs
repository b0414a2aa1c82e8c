using System.Net;
using System.Net.Sockets;
using Broadsheet.TestKit;

namespace Broadsheet.EndToEnd.Tests;

/// <summary>What a user sees when the dev host or a client command can't do its job: one clear line, a non-zero exit.</summary>
public sealed class DevHostStartupTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Serve_WhenStorageIsUnreachable_SaysSoInOneLine_AndExitsNonZero()
    {
        var deadPort = AzuriteFixture.FreePort();
        var storage = azurite.ConnectionString.Replace($":{azurite.BlobPort}/", $":{deadPort}/");
        await using var host = DevHostProcess.Launch(storage);

        Assert.NotEqual(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        var line = Assert.Single(NonEmptyLines(host.Output));
        Assert.Contains($"cannot reach storage at http://127.0.0.1:{deadPort}", line);
    }

    [Fact]
    public async Task Serve_WhenThePortIsTaken_SaysSoInOneLine_AndExitsNonZero()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        await using var host = DevHostProcess.Launch(azurite.ConnectionString, port);

        Assert.NotEqual(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var line = Assert.Single(NonEmptyLines(host.Output));
        Assert.Contains($"port {port} is already in use", line);
    }

    [Fact]
    public async Task Serve_OnSigterm_StopsCleanly()
    {
        await using var host = await DevHostProcess.StartAsync(azurite.ConnectionString);
        Assert.Equal(0, await host.StopAsync(TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain("Exception", host.Output);
    }

    [Fact]
    public async Task Query_WhenNoHostIsRunning_SaysSoInOneLine()
    {
        var api = $"http://127.0.0.1:{AzuriteFixture.FreePort()}/api";
        var (exitCode, stdout, stderr) = await DevHostProcess.RunCliAsync("query", "--q", "碳材料", "--api", api);
        Assert.NotEqual(0, exitCode);
        Assert.Empty(stdout);
        var line = Assert.Single(NonEmptyLines(stderr));
        Assert.Equal($"broadsheet: cannot reach {api} — is `broadsheet serve` running?", line);
    }

    [Fact]
    public async Task Upload_WithoutStorage_SaysSoInOneLine()
    {
        var deadPort = AzuriteFixture.FreePort();
        var storage = azurite.ConnectionString.Replace($":{azurite.BlobPort}/", $":{deadPort}/");
        var (exitCode, _, stderr) = await DevHostProcess.RunCliAsync("upload", LiveIngestion.ReferenceIssuePath, "--storage", storage);
        Assert.Equal(1, exitCode);
        Assert.Contains("cannot reach storage", Assert.Single(NonEmptyLines(stderr)));
    }

    private static string[] NonEmptyLines(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
