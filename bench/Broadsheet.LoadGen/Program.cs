using System.Globalization;
using Broadsheet.LoadGen;

// broadsheet-loadgen run --api URL --storage CONNECTION --host-pid PID [--quick] [--issues N] [--stories N]
// broadsheet-loadgen throughput [--quick]  (parse and parse + enrich rates only)
// broadsheet-loadgen generate --out DIR [--count N]  (writes generated issues, to look at or `broadsheet parse`)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
try
{
    var options = Options.Parse(args);
    switch (options.Command)
    {
        case "generate":
        {
            var dir = options.Get("out") ?? "generated";
            Directory.CreateDirectory(dir);
            var gen = new IssueGenerator();
            for (var i = 0; i < options.GetInt("count", 3); i++)
            {
                var issue = gen.Generate(i);
                var path = Path.Combine(dir, $"{issue.Paper}-{issue.Date:yyyy-MM-dd}.txt");
                await File.WriteAllTextAsync(path, issue.Text);
                Console.WriteLine($"{path}: {issue.Pages} pages, {System.Text.Encoding.UTF8.GetByteCount(issue.Text):N0} bytes, {issue.Stories} stories composed");
            }
            return 0;
        }
        case "throughput":
            // The CPU stage alone: no Azurite or dev host needed.
            Throughput.Run(new IssueGenerator(), options.Quick, (target, goal, measured, met) =>
                Console.WriteLine($"{target,-40} {goal,-10} {measured}"));
            return 0;
        case "run":
            return await new BenchRun(options).RunAsync();
        default:
            Console.Error.WriteLine("usage: Broadsheet.LoadGen run --api URL --storage CONNECTION --host-pid PID [--quick] | throughput [--quick] | generate --out DIR [--count N]");
            return 2;
    }
}
catch (BenchException e)
{
    Console.Error.WriteLine($"loadgen: {e.Message}");
    return 1;
}
catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Azure.RequestFailedException)
{
    Console.Error.WriteLine($"loadgen: the dev host or storage did not answer: {e.Message.Split('\n')[0]}");
    return 1;
}

public sealed class BenchException(string message) : Exception(message);

public sealed class Options
{
    public string Command { get; private init; } = "";
    private readonly Dictionary<string, string> _values = new();
    public bool Quick => _values.ContainsKey("quick");

    public static Options Parse(string[] args)
    {
        var o = new Options { Command = args.FirstOrDefault() ?? "" };
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--")) throw new BenchException($"unexpected argument '{args[i]}'");
            var name = args[i][2..];
            o._values[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--") ? args[++i] : "true";
        }
        return o;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);
    public string Require(string name) => Get(name) ?? throw new BenchException($"--{name} is required");
    public int GetInt(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
