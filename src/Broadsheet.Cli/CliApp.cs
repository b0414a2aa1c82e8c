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
        usage: broadsheet COMMAND [options]
          parse FILE [--paper P] [--date yyyy-MM-dd] [--enrich]   print a dump's articles as JSON
          serve [--storage CONNECTION] [--port 7071] [--engines 3] run the dev host: watcher + pipeline + HTTP API
          upload FILE|DIR... [--paper P] [--date D] [--storage C] [--wait [--api URL]]
                                                                  upload dumps to the `issues` container
          query [--q TEXT] [--person N] [--place N] [--org N] [--author N] [--column N] [--paper P]
                [--date D] [--from D] [--to D] [--kind K] [--top N] [--api URL] [--key KEY] [--json]
                                                                  search stories through the HTTP API
          issues [--api URL] [--key KEY] [--json]                 list uploads with their status and errors
        storage: --storage, else env AzureWebJobsStorage, else UseDevelopmentStorage=true (Azurite)
        api: --api, else env BROADSHEET_API, else http://localhost:7071/api
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
                "serve" => await DevHost.ServeCommand.RunAsync(options),
                "upload" => await Commands.UploadCommand.RunAsync(options),
                "query" => await Commands.QueryCommand.RunQueryAsync(options),
                "issues" => await Commands.QueryCommand.RunIssuesAsync(options),
                _ => Fail($"unknown command '{args[0]}'. {Usage.Trim()}", 2),
            };
        }
        catch (CliUsageException e) { return Fail(e.Message, 2); }
        catch (IssueFormatException e) { return Fail(e.Message, 1); }
        catch (IOException e) { return Fail(e.Message, 1); }
        catch (UnauthorizedAccessException e) { return Fail(e.Message, 1); }
        catch (CliFailure e) { return Fail(e.Message, e.ExitCode); }
        catch (OperationCanceledException) { return Fail("cancelled", 130); }
        catch (Exception e)
        {
            // A bug, not a user error: still one line, with enough to report it.
            return Fail($"unexpected {e.GetType().Name}: {Commands.StorageProbe.FirstLine(e.Message)}", 70);
        }
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
