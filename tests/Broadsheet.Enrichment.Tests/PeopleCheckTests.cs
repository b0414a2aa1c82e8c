using Broadsheet.EntityEval;

namespace Broadsheet.Enrichment.Tests;

/// <summary>
/// The people check (tests/data/people-check): its file reads, every name stands where it says in the corpus, and the
/// score counts what Broadsheet.EntityEval --people-check prints.
/// </summary>
public class PeopleCheckTests
{
    private static readonly string CheckDir = Path.Combine(AppContext.BaseDirectory, "people-check");

    /// <summary>Each check file and the number of articles its pick read (tests/data/people-check/README.md).</summary>
    public static TheoryData<string, int> CheckFiles => new() { { "2019-10.tsv", 60 }, { "2020-05.tsv", 40 } };

    [Fact]
    public void Every_check_file_in_the_folder_is_tested()
    {
        var listed = CheckFiles.Select(row => (string)row[0]).Order();
        Assert.Equal(listed, Directory.GetFiles(CheckDir, "*.tsv").Select(Path.GetFileName).Order());
    }

    [Theory]
    [MemberData(nameof(CheckFiles))]
    public void The_check_file_lists_every_article_read_and_whole_names_only(string file, int articles)
    {
        var check = PeopleCheck.Load(Path.Combine(CheckDir, file));
        Assert.Equal(articles, check.Articles.Count);
        Assert.All(check.Names, n => Assert.True(n.Name.Length >= 2 && !n.Name.Any(char.IsWhiteSpace), $"{n.Article} {n.Name}"));
        Assert.Equal(check.Names.Count, check.Names.Select(n => (n.Article, n.Name)).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CheckFiles))]
    public void Every_name_is_printed_at_its_offset_in_the_corpus(string file, int _)
    {
        // The corpus lives beside the repository (../shared); on a machine without it there is nothing to compare.
        if (PeopleCheck.FindShared(AppContext.BaseDirectory) is not { } shared) return;
        var checkFile = Path.Combine(CheckDir, file);
        var check = PeopleCheck.Load(checkFile);
        var articles = PeopleCheck.ReadArticles(PeopleCheck.CorpusFileFor(checkFile, shared), check.Articles).ToDictionary(a => a.Id);
        Assert.All(check.Names, n => Assert.True(PeopleCheck.StandsAt(articles[n.Article].Text, n.Name, n.Offset), $"{n.Article} {n.Name} @{n.Offset}"));
    }

    [Fact]
    public void A_name_printed_with_spaces_inside_stands_at_its_offset()
    {
        Assert.True(PeopleCheck.StandsAt("新华社记者 熊\u00a0琦摄", "熊琦", 6));
        Assert.False(PeopleCheck.StandsAt("新华社记者 熊 琦摄", "熊琦", 5));
        Assert.False(PeopleCheck.StandsAt("记者熊", "熊琦", 2));
    }

    [Fact]
    public void The_score_counts_distinct_names_per_article_and_lists_misses_and_extras()
    {
        var check = PeopleCheck.Parse([
            "# comment", "a\t张贺\t2", "a\t南仁东\t9", "a\t南\t20", "b\t\t",
        ]);
        var found = new Dictionary<string, string[]> { ["a"] = ["张贺", "张贺", "南仁", "南"], ["b"] = ["文心兰"] };
        var s = check.Score(id => found[id]);
        Assert.Equal((2, 3, 1), (s.Gold, s.Predicted, s.Correct));
        Assert.Equal([("a", "南仁东")], s.Misses);
        Assert.Equal([("a", "南仁"), ("b", "文心兰")], s.Extras);
        Assert.Equal(0.4, s.F1, 3);
    }

    [Fact]
    public void A_line_without_three_fields_is_refused()
    {
        Assert.Throws<FormatException>(() => PeopleCheck.Parse(["a\t张贺"]));
        Assert.Throws<FormatException>(() => PeopleCheck.Parse(["a\t张贺\tx"]));
    }
}
