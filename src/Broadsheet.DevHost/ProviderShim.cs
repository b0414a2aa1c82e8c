using System.Collections.Concurrent;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.Query;
using Microsoft.Extensions.Logging;

namespace Broadsheet.DevHost;

/// <summary>
/// The Azure Storage provider as InProcessTestHost's gRPC server needs it. The server was written against its in-memory
/// service; against this provider six things differ, each fixed here (everything else passes straight through).
/// </summary>
internal sealed class ProviderShim(AzureStorageOrchestrationService inner, AzureStorageOrchestrationServiceSettings settings, ILogger<ProviderShim> log)
    : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    // Fix 1 — dedupe. The server passes no dedupe statuses when the client sets no reuse policy, and the provider then
    // overwrites whatever the instance is doing: two watchers seeing one upload would restart a running ingestion. As
    // Durable Functions does, refuse to start an instance that is pending, running or completed (the intake purges a
    // finished one first when it really means to run it again).
    private static readonly OrchestrationStatus[] DedupeStatuses =
        [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.ContinuedAsNew, OrchestrationStatus.Completed];

    // The provider says so with an InvalidOperationException (ThrowExceptionOnInvalidDedupeStatus); the server turns
    // only OrchestrationAlreadyExistsException into gRPC's AlreadyExists, anything else into an error with a stack.
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => CreateTaskOrchestrationAsync(creationMessage, null);

    public async Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[]? dedupeStatuses)
    {
        try
        {
            await inner.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses ?? DedupeStatuses);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("already exists", StringComparison.Ordinal))
        {
            throw new OrchestrationAlreadyExistsException(e.Message);
        }
    }

    // Fix 2 — waiting. The server waits with an infinite timeout, which the provider takes as "already timed out": it
    // answers null at once, and the server fails on it. Poll (every 200 ms, not the provider's 2 s) until the instance
    // ends or the caller gives up.
    public async Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan) limit.CancelAfter(timeout);
        while (true)
        {
            var state = await inner.GetOrchestrationStateAsync(instanceId, executionId);
            if (state is { OrchestrationStatus: OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled })
                return state;
            await Task.Delay(TimeSpan.FromMilliseconds(200), limit.Token);
        }
    }

    // Fix 3 — lock renewal. The server's dispatchers never renew a work item's lock; the provider hides a message only
    // for its visibility timeout, after which another worker (or this one) runs the same activity again. Renew every
    // third of the timeout until the work item is completed or abandoned.
    private readonly ConcurrentDictionary<object, CancellationTokenSource> renewals = new(ReferenceEqualityComparer.Instance);

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var item = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (item is null) return null!;
        if (!TakeTaskSlot(item))
        {
            if (heldBack.TryAdd((TaskSlotOf(item), item.TaskMessage.OrchestrationInstance.ExecutionId ?? ""), 0)) // once, not at every redelivery
                log.LogWarning("Activity {TaskId} of {InstanceId} waits: the same task of an earlier execution is still running", TaskSlotOf(item).TaskId, item.TaskMessage.OrchestrationInstance.InstanceId);
            await inner.AbandonTaskActivityWorkItemAsync(item);
            return null!;
        }
        KeepLocked(item, settings.WorkItemQueueVisibilityTimeout, i => inner.RenewTaskActivityWorkItemLockAsync(i));
        return item;
    }

    // Fix 5 — one activity per instance and task id. The server keys a running activity by instance id and task id, not
    // by execution: when an instance is started again under the same id (the sweep restarting a wedged upload) while the
    // old execution's activity still runs, the new execution's task 0 and the old one's cross — the new result answers
    // the old execution, which is gone, and the new execution waits for ever. Hold such a work item back (abandoned, the
    // provider hands it out again later) until the old one is done.
    private readonly ConcurrentDictionary<(string InstanceId, int TaskId), string> runningTasks = new();
    private readonly ConcurrentDictionary<((string, int) Slot, string ExecutionId), byte> heldBack = new();

    private static (string InstanceId, int TaskId) TaskSlotOf(TaskActivityWorkItem item) =>
        (item.TaskMessage.OrchestrationInstance.InstanceId, item.TaskMessage.Event.EventId);

    private bool TakeTaskSlot(TaskActivityWorkItem item)
    {
        var executionId = item.TaskMessage.OrchestrationInstance.ExecutionId ?? "";
        if (runningTasks.GetOrAdd(TaskSlotOf(item), executionId) != executionId) return false;
        heldBack.TryRemove((TaskSlotOf(item), executionId), out _);
        return true;
    }

    private void FreeTaskSlot(TaskActivityWorkItem item) =>
        runningTasks.TryRemove(new KeyValuePair<(string, int), string>(TaskSlotOf(item), item.TaskMessage.OrchestrationInstance.ExecutionId ?? ""));

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var item = await inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        if (item is not null) KeepLocked(item, settings.ControlQueueVisibilityTimeout, i => inner.RenewTaskOrchestrationWorkItemLockAsync(i));
        return item!;
    }

    private void KeepLocked<T>(T item, TimeSpan visibility, Func<T, Task> renew) where T : class
    {
        var stop = new CancellationTokenSource();
        renewals[item] = stop;
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await Task.Delay(visibility / 3, stop.Token);
                    try { await renew(item); }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        log.LogWarning("Could not renew the lock of a work item: {Reason}", e.Message.Split('\n')[0]);
                    }
                }
            }
            catch (OperationCanceledException) { /* done with it */ }
        });
    }

    private void Unlocked(object item)
    {
        if (renewals.TryRemove(item, out var stop))
        {
            stop.Cancel();
            stop.Dispose();
        }
    }

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        Unlocked(workItem);
        FreeTaskSlot(workItem);
        await inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        Unlocked(workItem);
        FreeTaskSlot(workItem);
        await inner.AbandonTaskActivityWorkItemAsync(workItem);
    }

    public async Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        Unlocked(workItem);
        await inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    }

    public async Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        Unlocked(workItem);
        await inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    }

    // Fix 4 — stopping. The server stops the provider from an async void handler when its host stops, where an exception
    // ends the process; the provider throws if it was never started (no worker ever connected) and we stop it too, so
    // the partitions are handed back before the process exits. Stop once, only what started, and never throw.
    private int started, stopped;

    public Task StartAsync()
    {
        Interlocked.Exchange(ref started, 1);
        return inner.StartAsync();
    }

    public Task StopAsync() => StopAsync(isForced: false);

    public async Task StopAsync(bool isForced)
    {
        if (Volatile.Read(ref started) == 0 || Interlocked.Exchange(ref stopped, 1) == 1) return;
        try
        {
            await inner.StopAsync(isForced);
        }
        catch (Exception e)
        {
            log.LogWarning("Stopping the task hub worker failed: {Reason}", e.Message.Split('\n')[0]);
        }
    }

    // Fix 6 — a bounded purge. The server drops the purge filter's Timeout (the function app's host passes it on), so a
    // sweep pass over a hub that was never purged would delete until done; the sweep's own bound applies instead.
    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter)
    {
        purgeInstanceFilter.Timeout ??= Broadsheet.Ingestion.StuckUploadSweep.PurgeTimeout;
        return ((IOrchestrationServicePurgeClient)inner).PurgeInstanceStateAsync(purgeInstanceFilter);
    }

    // Everything else as the provider does it.
    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;
    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;
    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;
    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;
    public Task CreateAsync() => inner.CreateAsync();
    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);
    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();
    public Task DeleteAsync() => inner.DeleteAsync();
    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);
    public Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);
    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => inner.SendTaskOrchestrationMessageAsync(message);
    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => inner.SendTaskOrchestrationMessageBatchAsync(messages);
    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason);
    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) => inner.GetOrchestrationStateAsync(instanceId, executionId);
    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) => inner.GetOrchestrationStateAsync(instanceId, allExecutions);
    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => inner.GetOrchestrationHistoryAsync(instanceId, executionId);
    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) => inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);
    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) => ((IOrchestrationServiceQueryClient)inner).GetOrchestrationWithQueryAsync(query, cancellationToken);
    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => ((IOrchestrationServicePurgeClient)inner).PurgeInstanceStateAsync(instanceId);
}
