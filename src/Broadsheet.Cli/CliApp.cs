using System.Text.Json;
using Broadsheet.Core;
using Broadsheet.Core.Json;
using Broadsheet.Core.Model;
using Broadsheet.Enrichment;

namespace Broadsheet.Cli;

/// <summary>Dispatches `broadsheet COMMAND …`. Errors reach the user as one line on stderr, never a stack trace.</summary>
public static class CliApp
{
    public const string Usage = """
        usage: broadsheet parse FILE [--paper P] [--date yyyy-MM-dd] [--enrich]
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                Console.Out.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }
            var options = CliOptions.Parse(args.AsSpan(1));
            return args[0] switch
            {
                "parse" => await ParseAsync(options),
                _ => Fail($"unknown command '{args[0]}'. {Usage.Trim()}", 2),
            };
        }
        catch (CliUsageException e) { return Fail(e.Message, 2); }
        catch (IssueFormatException e) { return Fail(e.Message, 1); }
        catch (IOException e) { return Fail(e.Message, 1); }
        catch (UnauthorizedAccessException e) { return Fail(e.Message, 1); }
    }

    private static async Task<int> ParseAsync(CliOptions options)
    {
        var file = options.SinglePositional("FILE");
        if (!File.Exists(file)) return Fail($"no such file: {file}", 1);
        var bytes = await File.ReadAllBytesAsync(file);
        var issue = IssueParser.Parse(bytes, new IssueContext(options.Get("paper"), options.GetDate("date")));
        if (options.Has("enrich"))
        {
            var enricher = new ArticleEnricher();
            foreach (var article in issue.Articles) article.Enrichment = enricher.Enrich(article, issue.Issue);
        }
        await using var stdout = Console.OpenStandardOutput();
        await JsonSerializer.SerializeAsync(stdout, issue, ArticleJson.Options);
        await stdout.WriteAsync("\n"u8.ToArray());
        return 0;
    }

    internal static int Fail(string message, int code)
    {
        Console.Error.WriteLine($"broadsheet: {message}");
        return code;
    }
}
