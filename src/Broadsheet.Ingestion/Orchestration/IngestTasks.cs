using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Ingestion;

/// <summary>An activity of the ingestion: one input reference in, one result out.</summary>
public interface IIngestActivity<TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input);
}

/// <summary>One entry of <see cref="IngestTasks.Activities"/>: the name the orchestrator calls and the function app binds, and the class that runs it.</summary>
public abstract class IngestActivity(string name, Type implementation, Type input, Type output)
{
    public string Name { get; } = name;
    public Type Implementation { get; } = implementation;
    public Type Input { get; } = input;
    public Type Output { get; } = output;

    public static IngestActivity Of<TActivity, TInput, TOutput>(string name) where TActivity : class, IIngestActivity<TInput, TOutput> =>
        new Typed<TActivity, TInput, TOutput>(name);

    internal abstract void Register(DurableTaskRegistry registry, IServiceProvider services);

    private sealed class Typed<TActivity, TInput, TOutput>(string name) : IngestActivity(name, typeof(TActivity), typeof(TInput), typeof(TOutput))
        where TActivity : class, IIngestActivity<TInput, TOutput>
    {
        internal override void Register(DurableTaskRegistry registry, IServiceProvider services) =>
            registry.AddActivityFunc<TInput, TOutput>(Name, (ctx, input) => IngestTasks.Logged(services, ctx,
                () => services.GetRequiredService<TActivity>().RunAsync(input)));
    }
}

/// <summary>
/// The orchestrator and the one list of activities. Dependency injection, the Durable registry of every local engine
/// (dev host, tests, bench) and the function app's bindings (checked by a test) all follow this list, so every host
/// runs exactly the code Azure runs.
/// </summary>
public static class IngestTasks
{
    public static readonly IReadOnlyList<IngestActivity> Activities =
    [
        IngestActivity.Of<ParseIssueActivity, Upload, ParseResult>(ParseIssueActivity.Name),
        IngestActivity.Of<EnrichArticlesActivity, EnrichBatchRequest, int>(EnrichArticlesActivity.Name),
        IngestActivity.Of<PublishIssueActivity, PublishRequest, PublishResult>(PublishIssueActivity.Name),
        IngestActivity.Of<RecordFailureActivity, FailureRecord, bool>(RecordFailureActivity.Name),
    ];

    /// <summary>Registers the orchestrator and every activity; activities come from <paramref name="services"/> (AddBroadsheetIngestion).</summary>
    public static DurableTaskRegistry AddBroadsheetTasks(this DurableTaskRegistry registry, IServiceProvider services)
    {
        registry.AddOrchestratorFunc<Upload, IngestResult>(IngestOrchestrator.Name, IngestOrchestrator.RunAsync);
        foreach (var activity in Activities) activity.Register(registry, services);
        return registry;
    }

    internal static IServiceCollection AddActivities(this IServiceCollection services)
    {
        foreach (var activity in Activities) services.AddSingleton(activity.Implementation);
        return services;
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
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IngestTasks))
                .LogError(e, "Activity {Activity} failed in {InstanceId}", ctx.Name.Name, ctx.InstanceId);
            throw;
        }
    }
}
