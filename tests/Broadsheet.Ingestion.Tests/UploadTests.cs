using Broadsheet.Search;
using Broadsheet.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Ingestion.Tests;

/// <summary>The Upload value: what every step of the pipeline keys on derives from it, the same way each time.</summary>
public sealed class UploadTests
{
    private static Upload Of(string name, string hash = "md5-0123456789abcdef0123", string? paper = null, string? date = null) =>
        new("issues", name, "\"0x1\"", hash, paper, date);

    [Fact]
    public void Paper_and_date_come_from_the_name_then_from_metadata()
    {
        Assert.Equal(("济宁日报", "2022-08-08"), Upload.IssueOf("济宁日报/2022-08-08.txt", null));
        Assert.Equal(("jining-daily", "2022-08-08"), Upload.IssueOf("scan.txt", new Dictionary<string, string> { ["Paper"] = "jining-daily", ["date"] = "2022-08-08" }));
        Assert.Equal(("济宁日报", (string?)null), Upload.IssueOf("scan.txt", new Dictionary<string, string> { ["paper"] = Uri.EscapeDataString("济宁日报"), ["date"] = "08/08/2022" }));
        Assert.Equal(((string?)null, (string?)null), Upload.IssueOf("a/b/2022-08-08.txt", null));
    }

    [Fact]
    public void A_known_issue_is_keyed_by_paper_and_date_an_unknown_one_by_its_blob()
    {
        Assert.Equal(IssueKey.For("济宁日报", "2022-08-08"), Of("x.txt", paper: "济宁日报", date: "2022-08-08").IssueKey);

        var unknown = Of("scans/x.txt").IssueKey;
        Assert.False(unknown.IsResolved);
        Assert.Equal(unknown, Of("scans/x.txt", "md5-ffff").IssueKey);
        Assert.NotEqual(unknown, Of("scans/y.txt").IssueKey);
        Assert.Equal(unknown, Upload.KeyFor(new BlobPath("issues", "scans/x.txt"), null, "2022-08-08"));
    }

    [Fact]
    public void Same_blob_and_bytes_are_the_same_instance_and_version()
    {
        var a = Of("p/2022-08-08.txt");
        Assert.Equal(a.InstanceId, (a with { ETag = "\"0x2\"" }).InstanceId);
        Assert.NotEqual(a.InstanceId, Of("p/2022-08-09.txt").InstanceId);
        Assert.NotEqual(a.InstanceId, Of("p/2022-08-08.txt", "md5-fedcba9876543210").InstanceId);
        Assert.DoesNotMatch("[/\\\\#?]", a.InstanceId);
        // The version names the content only: the same bytes under another name publish as the same version.
        Assert.Equal(a.Version, Of("elsewhere.txt").Version);
        Assert.Equal("v0123456789abcdef", a.Version);
    }

    [Theory]
    [InlineData("issues", "济宁日报/2022-08-08.txt")]
    [InlineData("t1issues", "a/b/c.txt")]
    public void Blob_paths_round_trip(string container, string name)
    {
        var path = new BlobPath(container, name);
        Assert.Equal(path, BlobPath.Parse(path.ToString()));
    }

    [Fact]
    public void A_row_gives_back_the_upload_recorded_on_it_and_nothing_for_a_row_that_is_not_its()
    {
        static IssueEntity RowOf(Upload upload) => upload.RecordOn(
            new IssueEntity { PartitionKey = upload.IssueKey.PartitionKey, RowKey = upload.IssueKey.RowKey }, upload.Paper, upload.Date, IssueStatus.Queued, null);

        var known = Of("济宁日报/2022-08-08.txt", paper: "济宁日报", date: "2022-08-08");
        var unknown = Of("scans/x.txt");
        Assert.Equal(known, Upload.RecordedOn(RowOf(known)));
        Assert.Equal(unknown, Upload.RecordedOn(RowOf(unknown)));

        // A row whose paper and date do not give its own key, a row with no blob, a row with no content: not an upload to act on.
        var row = RowOf(known);
        Assert.Null(Upload.RecordedOn(new IssueEntity { PartitionKey = row.PartitionKey, RowKey = row.RowKey, Paper = row.Paper, Blob = row.Blob, ContentHash = row.ContentHash }));
        Assert.Null(Upload.RecordedOn(new IssueEntity { PartitionKey = row.PartitionKey, RowKey = row.RowKey, Paper = row.Paper, Date = row.Date, ContentHash = row.ContentHash }));
        Assert.Null(Upload.RecordedOn(new IssueEntity { PartitionKey = row.PartitionKey, RowKey = row.RowKey, Paper = row.Paper, Date = row.Date, Blob = row.Blob }));
    }

    [Fact]
    public void Only_the_six_fields_go_into_durable_history()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Of("p/2022-08-08.txt", paper: "p", date: "2022-08-08"));
        Assert.Equal(["Container", "BlobName", "ETag", "ContentHash", "Paper", "Date"],
            System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Every_activity_of_the_list_is_registered_and_runs_its_declared_input_and_output()
    {
        var services = new ServiceCollection().AddBroadsheetIngestion("UseDevelopmentStorage=true").BuildServiceProvider();
        Assert.Equal(IngestTasks.Activities.Count, IngestTasks.Activities.Select(a => a.Name).Distinct().Count());
        foreach (var activity in IngestTasks.Activities)
        {
            Assert.IsType(activity.Implementation, services.GetRequiredService(activity.Implementation));
            var contract = typeof(IIngestActivity<,>).MakeGenericType(activity.Input, activity.Output);
            Assert.True(contract.IsAssignableFrom(activity.Implementation), $"{activity.Name}: {activity.Implementation.Name} is not {contract.Name}");
        }
    }
}
