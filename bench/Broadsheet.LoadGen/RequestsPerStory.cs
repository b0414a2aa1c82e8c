using Azure.Storage.Blobs;
using Broadsheet.DevHost;
using Broadsheet.Ingestion;
using Broadsheet.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.LoadGen;

/// <summary>
/// Storage requests the pipeline makes per story: one generated issue ingested by the real intake, orchestrator and
/// activities (in this process, against the same Azurite, under a name prefix of its own), every request counted.
/// The upload itself and the Durable engine's own bookkeeping (its task hub's queues and tables: a client of their own) are not included.
/// </summary>
public static class RequestsPerStory
{
    public static async Task<string> MeasureAsync(string connection, GeneratedIssue issue)
    {
        var counter = new RequestCounter();
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddBroadsheetIngestion(connection, o =>
        {
            o.Storage.NamePrefix = prefix;
            o.Storage.UploadContainer = prefix + "issues";
            o.Storage.Counter = counter;
        });
        await using var provider = services.BuildServiceProvider();
        var host = await LocalEngine.StartAsync(provider, new LocalEngineOptions(connection, TaskHub: prefix + "hub"), LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Critical)));
        try
        {
            return await MeasureAsync(provider, host, counter, issue);
        }
        finally
        {
            // Leave the shared Azurite as we found it: the task hub too (queues, tables, blobs).
            await host.DisposeAsync();
            await host.DeleteTaskHubAsync();
        }
    }

    private static async Task<string> MeasureAsync(ServiceProvider provider, LocalEngine host, RequestCounter counter, GeneratedIssue issue)
    {
        var storage = provider.GetRequiredService<BroadsheetStorage>();
        await storage.EnsureCreatedAsync();
        var name = $"{issue.Paper}/{issue.Date:yyyy-MM-dd}.txt";
        await storage.Uploads.GetBlobClient(name).UploadAsync(BinaryData.FromString(issue.Text), overwrite: true);

        counter.Reset();
        var intake = await provider.GetRequiredService<UploadIntake>().OnBlobAsync(storage.Uploads.Name, name, host.Client);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var meta = await host.Client.WaitForInstanceCompletionAsync(intake.InstanceId, getInputsAndOutputs: true, timeout.Token);
        var result = meta.ReadOutputAs<IngestResult>() ?? throw new BenchException("ingestion returned nothing");
        if (result.Status != "complete") throw new BenchException($"ingestion ended {result.Status}: {result.Error}");
        var stories = Math.Max(1, result.Articles);
        Console.WriteLine($"  requests per story: {result.Articles} stories, {counter}");

        foreach (var t in new[] { storage.Issues, storage.Articles, storage.Postings }) await t.DeleteAsync();
        foreach (var c in new[] { storage.Uploads, storage.Work }) await c.DeleteIfExistsAsync();
        return $"{(double)counter.Total / stories:F1} ({(double)counter.Table / stories:F1} table incl. {(double)counter.TableBatches / stories:F2} batches, {(double)counter.Blob / stories:F1} blob) over {result.Articles} stories";
    }
}
