using Broadsheet.Pipeline.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

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
            (ctx, input) => services.GetRequiredService<ParseIssueActivity>().RunAsync(input));
        registry.AddActivityFunc<EnrichBatchRequest, int>(EnrichArticlesActivity.Name,
            (ctx, input) => services.GetRequiredService<EnrichArticlesActivity>().RunAsync(input));
        registry.AddActivityFunc<PublishRequest, PublishResult>(PublishIssueActivity.Name,
            (ctx, input) => services.GetRequiredService<PublishIssueActivity>().RunAsync(input));
        registry.AddActivityFunc<FailureRecord, bool>(RecordFailureActivity.Name,
            (ctx, input) => services.GetRequiredService<RecordFailureActivity>().RunAsync(input));
        return registry;
    }
}
