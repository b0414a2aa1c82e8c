using Broadsheet.Ingestion;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Broadsheet.Functions;

/// <summary>On <see cref="StuckUploadSweep.Schedule"/>: settle uploads that no orchestration will finish (the logic is <see cref="StuckUploadSweep"/>).</summary>
public sealed class SweepFunction(StuckUploadSweep sweep)
{
    [Function("SweepStuckUploads")]
    public async Task Run([TimerTrigger(StuckUploadSweep.Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        await sweep.RunAsync(client, ct);
}
