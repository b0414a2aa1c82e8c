using Broadsheet.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Functions.Tests;

/// <summary>The function app's task-hub retention setting, as Program.cs registers the sweep with it.</summary>
public sealed class SweepSettingsTests
{
    private static IConfiguration Settings(string? days) => new ConfigurationBuilder()
        .AddInMemoryCollection(days is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { [SweepSettings.RetentionSetting] = days }).Build();

    private static StuckUploadSweep Registered(string? days)
    {
        var services = new ServiceCollection();
        services.AddBroadsheetIngestion("UseDevelopmentStorage=true").AddStuckUploadSweep(Settings(days));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<StuckUploadSweep>();
    }

    [Fact]
    public void Unset_the_sweep_keeps_the_default_retention() =>
        Assert.Equal(StuckUploadSweep.DefaultRetention, Registered(null).Retention);

    [Fact]
    public void Set_the_sweep_keeps_finished_orchestrations_that_many_days() =>
        Assert.Equal(TimeSpan.FromDays(30), Registered(" 30 ").Retention);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("a week")]
    [InlineData("99999999999")]
    public void A_value_that_is_not_a_whole_number_of_days_is_refused_in_one_line(string days)
    {
        var e = Assert.Throws<InvalidOperationException>(() => SweepSettings.Retention(Settings(days)));
        Assert.Equal($"TaskHubRetentionDays must be a whole number of days from 1 to 3650, not '{days}'", e.Message);
    }
}
