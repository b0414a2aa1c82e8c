using Broadsheet.Pipeline.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Pipeline;

/// <summary>
/// Registers the orchestrator and every activity under the names the function app uses, so the dev host and the
/// tests run exactly the code Azure runs. Activities come from <paramref name="services"/> (AddBroadsheetPipeline).
/// </summary>
public static class DurableRegistration
{
    public static DurableTaskRegistry AddBroadsheetTasks(this DurableTaskRegistry registry, IServiceProvider services)
    {
        registry.AddOrchestratorFunc<IngestRequest, IngestResult>(IngestOrchestrator.Name, IngestOrchestrator.RunAsync);
        registry.AddActivityFunc<IngestRequest, ParseResult>(ParseIssueActivity.Name,
            (ctx, input) => Logged(services, ctx, () => services.GetRequiredService<ParseIssueActivity>().RunAsync(input)));
        registry.AddActivityFunc<EnrichBatchRequest, int>(EnrichArticlesActivity.Name,
            (ctx, input) => Logged(services, ctx, () => services.GetRequiredService<EnrichArticlesActivity>().RunAsync(input)));
        registry.AddActivityFunc<PublishRequest, PublishResult>(PublishIssueActivity.Name,
            (ctx, input) => Logged(services, ctx, () => services.GetRequiredService<PublishIssueActivity>().RunAsync(input)));
        registry.AddActivityFunc<FailureRecord, bool>(RecordFailureActivity.Name,
            (ctx, input) => Logged(services, ctx, () => services.GetRequiredService<RecordFailureActivity>().RunAsync(input)));
        return registry;
    }

    /// <summary>An activity's exception is logged with its stack here (Durable keeps only the message for the orchestrator), then rethrown for the retry policy.</summary>
    internal static async Task<T> Logged<T>(IServiceProvider services, TaskActivityContext ctx, Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DurableRegistration))
                .LogError(e, "Activity {Activity} failed in {InstanceId}", ctx.Name.Name, ctx.InstanceId);
            throw;
        }
    }
}
