using Azure.Data.Tables;
using Broadsheet.DevHost;

namespace Broadsheet.TestKit;

/// <summary>
/// An orchestration's history as the Azure Storage provider keeps it (table "{hub}History", one row per event,
/// partitioned by instance id): what the engine itself recorded, read without going through the engine.
/// </summary>
public static class TaskHubHistory
{
    /// <param name="TaskScheduledId">For a TaskCompleted/TaskFailed event: the EventId of the TaskScheduled it answers.</param>
    public sealed record Event(string EventType, int EventId, string? Name, int? TaskScheduledId, string? Input);

    public static async Task<List<Event>> EventsAsync(string connectionString, string instanceId, string taskHub = LocalEngine.DefaultTaskHub)
    {
        var table = new TableServiceClient(connectionString).GetTableClient(taskHub + "History");
        var events = new List<Event>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId))
                events.Add(new Event(row.GetString("EventType") ?? "", row.GetInt32("EventId") ?? -1, row.GetString("Name"),
                    row.GetInt32("TaskScheduledId"), row.GetString("Input")));
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // No history table yet.
        }
        return events;
    }

    /// <summary>The activities the history shows completed, by name, with the input each was scheduled with.</summary>
    public static List<(string Name, string? Input)> Completed(IReadOnlyList<Event> events)
    {
        var scheduled = events.Where(e => e.EventType == "TaskScheduled").ToDictionary(e => e.EventId);
        return [.. events.Where(e => e.EventType == "TaskCompleted" && e.TaskScheduledId is { } id && scheduled.ContainsKey(id))
            .Select(e => (scheduled[e.TaskScheduledId!.Value].Name!, scheduled[e.TaskScheduledId!.Value].Input))];
    }
}
