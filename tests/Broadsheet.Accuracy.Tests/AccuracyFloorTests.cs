using Broadsheet.Accuracy;
using Xunit.Abstractions;

namespace Broadsheet.Accuracy.Tests;

/// <summary>
/// The parser on the committed sample (Sample/: rendered corpus pages with their gold, every style): a figure below
/// its floor in floors.json fails the build.
/// </summary>
public class AccuracyFloorTests(ITestOutputHelper output)
{
    private static string Here(string name) => Path.Combine(AppContext.BaseDirectory, name);

    private static List<(StyleScore Score, List<DumpResult> Results)> Run() => Harness.RunAll(RenderedFolder.Find(Here("Sample")));

    [Fact]
    public void No_figure_is_below_its_floor()
    {
        var results = Run();
        var table = new StringWriter();
        Report.Table(table, results.Select(r => r.Score));
        output.WriteLine(table.ToString());

        var floors = Floors.Read(Here("floors.json"));
        Assert.Equal(["archive", "pdf", "pdf-raw"], results.Select(r => r.Score.Style));
        Assert.Equal(floors.ByStyle.Keys.Order(), results.Select(r => r.Score.Style).Order());
        Assert.Empty(floors.Check(results.Select(r => r.Score)));
    }

    [Fact]
    public void Every_sample_gold_accounts_for_exactly_the_Han_text_its_dump_prints()
    {
        foreach (var (score, results) in Run())
        {
            Assert.True(results.Count >= 3, $"{score.Style}: {results.Count} dumps");
            Assert.Empty(score.GoldMismatches);
        }
    }
}
