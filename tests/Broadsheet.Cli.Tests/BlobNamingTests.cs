using Broadsheet.Cli;
using Broadsheet.Cli.Commands;

namespace Broadsheet.Cli.Tests;

/// <summary>`broadsheet upload` names blobs `{paper}/{yyyy-MM-dd}.txt`, which is how the pipeline learns paper and date.</summary>
public sealed class BlobNamingTests
{
    [Fact]
    public void PaperAndDateOptions_WinOverThePath()
    {
        var t = BlobNaming.For("samples/jining-daily/2022-08-08.txt", "济宁日报", new DateOnly(2022, 8, 9));
        Assert.Equal("济宁日报/2022-08-09.txt", t.Name);
        Assert.Empty(t.Metadata);
    }

    [Fact]
    public void PaperFolderAndDateFileName_NameTheBlob()
    {
        Assert.Equal("jining-daily/2022-08-08.txt", BlobNaming.For("samples/jining-daily/2022-08-08.txt", null, null).Name);
    }

    [Fact]
    public void PaperAndDateInTheFileName_NameTheBlob()
    {
        Assert.Equal("qilu-evening/2023-01-05.txt", BlobNaming.For("/tmp/dumps/qilu-evening-2023-01-05.txt", null, null).Name);
        Assert.Equal("晚报/2023-01-05.txt", BlobNaming.For("/tmp/dumps/晚报_2023-01-05.txt", null, null).Name);
    }

    [Fact]
    public void WithoutADate_TheFileKeepsItsName_AndThePaperGoesToMetadata()
    {
        var t = BlobNaming.For("/tmp/dumps/scan.txt", "qilu", null);
        Assert.Equal("scan.txt", t.Name);
        Assert.Equal("qilu", t.Metadata["paper"]);
        Assert.False(t.Metadata.ContainsKey("date"));
    }

    [Fact]
    public void WithADateOnly_TheDateGoesToMetadata_AndChinesePapersAreEscapedForTheHeader()
    {
        var t = BlobNaming.For("/tmp/dumps/scan.txt", null, new DateOnly(2022, 8, 8));
        Assert.Equal("scan.txt", t.Name);
        Assert.Equal("2022-08-08", t.Metadata["date"]);
        var paper = BlobNaming.For("/tmp/x/scan.txt", "济宁日报", null).Metadata["paper"];
        Assert.All(paper, c => Assert.InRange(c, ' ', '~'));
        // What the pipeline reads back from the metadata.
        Assert.Equal(("济宁日报", (string?)null), Broadsheet.Ingestion.Upload.IssueOf("scan.txt", new Dictionary<string, string> { ["paper"] = paper }));
    }

    [Fact]
    public void APaperWithASlash_IsAUsageError()
    {
        Assert.Throws<CliUsageException>(() => BlobNaming.For("a.txt", "a/b", new DateOnly(2022, 8, 8)));
    }
}
