using Broadsheet.Core.Assembly;

namespace Broadsheet.Accuracy.Tests;

/// <summary>The weight files `--fit-start` writes and `--start-weights` reads (how a refit is checked on other days before it is pasted in).</summary>
public class StartFitTests : IDisposable
{
    private readonly string path = Path.GetTempFileName();

    public void Dispose() => File.Delete(path);

    [Fact]
    public void Weights_written_by_a_fit_read_back_the_same_in_the_models_order()
    {
        var weights = Enumerable.Range(0, StartModel.Count).Select(i => i * 0.25 - 3).ToArray();
        File.WriteAllText(path, "fit: 10 epochs\n" + StartFit.Format(weights) + "\n");
        Assert.Equal(weights, StartFit.ReadWeights(path));
    }

    [Fact]
    public void The_last_line_of_weights_counts_as_the_training_script_prints_the_fit_last()
    {
        var first = new double[StartModel.Count];
        var last = Enumerable.Repeat(1.5, StartModel.Count).ToArray();
        File.WriteAllText(path, $"{StartFit.Format(first)}\nbias 1.50\n{StartFit.Format(last)}\n");
        Assert.Equal(last, StartFit.ReadWeights(path));
    }

    [Theory]
    [InlineData("[1.0, 2.0]", "2 weights")]
    [InlineData("no weights here", "no line of weights")]
    public void A_file_that_is_not_one_weight_per_cue_is_refused_with_its_name(string text, string says)
    {
        File.WriteAllText(path, text);
        var e = Assert.Throws<ArgumentException>(() => StartFit.ReadWeights(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(says, e.Message);
    }

    [Fact]
    public void A_weight_that_is_not_a_number_is_named()
    {
        File.WriteAllText(path, "[" + string.Join(", ", Enumerable.Repeat("0.5", StartModel.Count - 1)) + ", x]");
        var e = Assert.Throws<ArgumentException>(() => StartFit.ReadWeights(path));
        Assert.Contains("'x' is not a weight", e.Message);
    }
}
