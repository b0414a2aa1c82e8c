using Broadsheet.TestKit;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Broadsheet.EndToEnd.Tests;

/// <summary>Azurite in memory plus one dev host process watching it, shared by the tests of one class.</summary>
public sealed class DevHostFixture : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = new();
    public DevHostProcess Host { get; private set; } = null!;
    public string Storage => Azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        try
        {
            Host = await DevHostProcess.StartAsync(Azurite.ConnectionString);
        }
        catch
        {
            await Azurite.DisposeAsync(); // a failed start must not leave Azurite running
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
