using System.Globalization;
using Broadsheet.Ingestion;
using Broadsheet.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Functions;

/// <summary>On <see cref="StuckUploadSweep.Schedule"/>: settle uploads that no orchestration will finish (the logic is <see cref="StuckUploadSweep"/>).</summary>
public sealed class SweepFunction(StuckUploadSweep sweep)
{
    [Function("SweepStuckUploads")]
    public async Task Run([TimerTrigger(StuckUploadSweep.Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        await sweep.RunAsync(client, ct);
}

/// <summary>The sweep as the function app configures it: app setting <see cref="RetentionSetting"/> sets its task-hub retention.</summary>
public static class SweepSettings
{
    /// <summary>Whole days a finished orchestration stays in the task hub (<see cref="StuckUploadSweep.Retention"/>); unset: the default.</summary>
    public const string RetentionSetting = "TaskHubRetentionDays";

    /// <summary>The retention the settings ask for; a value that is not a whole number of days, 1 or more, is refused in one line.</summary>
    public static TimeSpan Retention(IConfiguration config)
    {
        if (config[RetentionSetting] is not { } value || string.IsNullOrWhiteSpace(value)) return StuckUploadSweep.DefaultRetention;
        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days < 1 || days > 3650)
            throw new InvalidOperationException($"{RetentionSetting} must be a whole number of days from 1 to 3650, not '{value}'");
        return TimeSpan.FromDays(days);
    }

    /// <summary>Registers the sweep with the retention the settings ask for (after AddBroadsheetIngestion, whose default it replaces).</summary>
    public static IServiceCollection AddStuckUploadSweep(this IServiceCollection services, IConfiguration config)
    {
        var retention = Retention(config);
        return services.AddSingleton(sp => new StuckUploadSweep(sp.GetRequiredService<IssueStore>(), sp.GetRequiredService<UploadIntake>(),
            sp.GetRequiredService<RecordFailureActivity>(), sp.GetRequiredService<ILogger<StuckUploadSweep>>()) { Retention = retention });
    }
}
