using System.Globalization;

namespace Broadsheet.Cli;

public sealed class CliUsageException(string message) : Exception(message);

/// <summary>A small `--name value` / `--flag` parser: enough for our few commands, no dependency.</summary>
public sealed class CliOptions
{
    private readonly Dictionary<string, string?> named = new(StringComparer.Ordinal);
    public List<string> Positional { get; } = [];

    /// <summary>Options that never take a value, so `--enrich FILE` keeps FILE positional.</summary>
    public static readonly HashSet<string> Flags = ["enrich", "json", "help", "no-wait", "verbose"];

    public static CliOptions Parse(ReadOnlySpan<string> args)
    {
        var o = new CliOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var eq = a.IndexOf('=');
                if (eq > 0) { o.named[a[2..eq]] = a[(eq + 1)..]; continue; }
                var name = a[2..];
                if (!Flags.Contains(name) && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) o.named[name] = args[++i];
                else o.named[name] = null;
            }
            else o.Positional.Add(a);
        }
        return o;
    }

    public bool Has(string name) => named.ContainsKey(name);
    public string? Get(string name) => named.TryGetValue(name, out var v) ? v : null;

    public DateOnly? GetDate(string name)
    {
        var v = Get(name);
        if (v is null) return null;
        return DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new CliUsageException($"--{name} must be a date as yyyy-MM-dd, not '{v}'");
    }

    public string SinglePositional(string what) => Positional.Count switch
    {
        1 => Positional[0],
        0 => throw new CliUsageException($"missing {what}"),
        _ => throw new CliUsageException($"expected one {what}, got {Positional.Count}"),
    };
}
