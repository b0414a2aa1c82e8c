using System.Globalization;

namespace Broadsheet.Cli;

public sealed class CliUsageException(string message) : Exception(message);

/// <summary>A failure the user can act on: printed as one line, exit code as given.</summary>
public sealed class CliFailure(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>A small `--name value` / `--flag` parser: enough for our few commands, no dependency.</summary>
public sealed class CliOptions
{
    private readonly Dictionary<string, string?> named = new(StringComparer.Ordinal);
    public List<string> Positional { get; } = [];

    /// <summary>Options that never take a value, so `--enrich FILE` keeps FILE positional.</summary>
    public static readonly HashSet<string> Flags = ["enrich", "json", "help", "no-wait", "verbose", "wait"];

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

    public int? GetInt(string name, int min, int max)
    {
        var v = Get(name);
        if (v is null) return null;
        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n : throw new CliUsageException($"--{name} must be a whole number from {min} to {max}, not '{v}'");
    }

    /// <summary>The value of an option that needs one: `--paper` alone is a usage error, not a silent null.</summary>
    public string? GetValue(string name) => Has(name) && Get(name) is null
        ? throw new CliUsageException($"--{name} needs a value")
        : Get(name);

    public string SinglePositional(string what) => Positional.Count switch
    {
        1 => Positional[0],
        0 => throw new CliUsageException($"missing {what}"),
        _ => throw new CliUsageException($"expected one {what}, got {Positional.Count}"),
    };
}
