using Broadsheet.Accuracy;
using Broadsheet.Core.Assembly;

const string Usage = """
    usage: Broadsheet.Accuracy DIR... [--failures [N]] [--headings] [--lines] [--style S] [--dump TEXT] [--markdown] [--floors FILE] [--features FILE] [--deck-features FILE] [--start-weights FILE] [--fit-start FILE [--epochs N] [--rate R] [--cues a,b]]
      DIR          a folder of rendered dumps ({name}.txt + {name}.gold.json), or a folder of such folders (one per style)
      --failures N print up to N stories that are not segmented exactly (default 50), with where their text went
      --headings   with --failures: also stories segmented right whose title, deck, byline or dateline is wrong
      --lines      each dump line by line: the gold story and field it is from, the parsed article and field it went to
                   (use with --dump)
      --style S    only this style (repeatable); --dump TEXT only dumps whose name contains TEXT
      --markdown   print the table as Markdown
      --floors F   exit 1 when a figure is below its floor in F (JSON: { "style": { "metric": percent } })
      --features F write each heading block's story-start cues and gold label to F (tuning month only), then score
      --deck-features F  write each gold two-line deck no cue splits, its cues and its split to F (tuning month only)
      --start-weights F  score with these story-start weights instead of StartModel's (the last line of
                   train-start-model.mjs's output: [w0, w1, …]; tuning month only)
      --fit-start F  fit the story-start weights against the page-wide cut on these dumps (averaged perceptron from
                   the weights in use, --epochs N passes, default 10, step --rate R, default 0.1), write them to F as
                   one [w0, w1, …] line, and stop (tuning month only; score other days with --start-weights F);
                   --cues a,b moves only those weights (StartModel.Names)
    """;

try
{
    var dirs = new List<string>();
    var styles = new List<string>();
    string? dumpFilter = null, floorsPath = null, featuresPath = null, deckFeaturesPath = null, fitPath = null;
    int failures = 0, epochs = 10;
    double rate = 0.1;
    HashSet<string>? fitCues = null;
    bool markdown = false, headings = false, lines = false;
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--failures":
                failures = 50;
                if (i + 1 < args.Length && int.TryParse(args[i + 1], out var n)) { failures = n; i++; }
                break;
            case "--headings": headings = true; break;
            case "--lines": lines = true; break;
            case "--style": styles.Add(Next(args, ref i)); break;
            case "--dump": dumpFilter = Next(args, ref i); break;
            case "--markdown": markdown = true; break;
            case "--floors": floorsPath = Next(args, ref i); break;
            case "--features": featuresPath = Next(args, ref i); break;
            case "--deck-features": deckFeaturesPath = Next(args, ref i); break;
            case "--start-weights": StartModel.Trial = StartFit.ReadWeights(Next(args, ref i)); break;
            case "--fit-start": fitPath = Next(args, ref i); break;
            case "--cues": fitCues = [.. Next(args, ref i).Split(',')]; break;
            case "--epochs": epochs = int.TryParse(Next(args, ref i), out var e) && e > 0 ? e : throw new ArgumentException("--epochs needs a positive whole number"); break;
            case "--rate": rate = double.TryParse(Next(args, ref i), System.Globalization.CultureInfo.InvariantCulture, out var r) && r > 0 ? r : throw new ArgumentException("--rate needs a positive number"); break;
            case "--help" or "-h": Console.WriteLine(Usage); return 0;
            default:
                if (args[i].StartsWith("--")) throw new ArgumentException($"unknown option {args[i]}");
                dirs.Add(args[i]);
                break;
        }
    }
    if (dirs.Count == 0) throw new ArgumentException("no folder of rendered dumps given");

    var dumps = dirs.SelectMany(RenderedFolder.Find)
        .Where(d => styles.Count == 0 || styles.Contains(d.Style))
        .Where(d => dumpFilter is null || d.Name.Contains(dumpFilter, StringComparison.Ordinal))
        .ToList();
    if (dumps.Count == 0) throw new ArgumentException($"no dumps ({{name}}.txt with {{name}}.gold.json) in {string.Join(", ", dirs)}");

    if (lines)
    {
        foreach (var d in dumps) LineMap.Print(Console.Out, d);
        Console.WriteLine();
    }
    if (fitPath is not null)
    {
        var fitted = StartFit.Fit(dumps, epochs, rate, fitCues, Console.Out);
        File.WriteAllText(fitPath, StartFit.Format(fitted) + "\n");
        Console.WriteLine($"fit: weights written to {fitPath}");
        return 0;
    }
    if (featuresPath is not null)
    {
        using var w = new StreamWriter(featuresPath);
        StartFeatures.Write(w, dumps);
    }
    if (deckFeaturesPath is not null)
    {
        using var w = new StreamWriter(deckFeaturesPath);
        DeckFeatures.Write(w, dumps);
    }
    var results = Harness.RunAll(dumps);
    if (failures > 0)
    {
        foreach (var (score, list) in results) Report.Failures(Console.Out, score.Style, list, failures, headings);
        Console.WriteLine();
    }
    if (markdown) Report.Markdown(Console.Out, results.Select(r => r.Score));
    else Report.Table(Console.Out, results.Select(r => r.Score));

    if (floorsPath is null) return 0;
    var below = Floors.Read(floorsPath).Check(results.Select(r => r.Score));
    foreach (var line in below) Console.Error.WriteLine($"below the floor: {line}");
    return below.Count == 0 ? 0 : 1;
}
catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"accuracy: {e.Message}");
    Console.Error.WriteLine(Usage);
    return 2;
}

static string Next(string[] args, ref int i) =>
    ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");
