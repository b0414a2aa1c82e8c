using System.CommandLine;
using System.CommandLine.Help;
using System.Text.Json;
using Broadsheet.Cli.Commands;
using Broadsheet.Core;
using Broadsheet.Core.Json;
using Broadsheet.Core.Model;
using Broadsheet.DevHost;
using Broadsheet.Enrichment;
using Broadsheet.Storage;

namespace Broadsheet.Cli;

/// <summary>
/// `broadsheet COMMAND …` on System.CommandLine: parse · serve · upload · query · issues, each with --help. Errors reach
/// the user as one line on stderr ("broadsheet: …"), never a stack trace: 2 for a wrong command line, 1 for a failure.
/// </summary>
public static class BroadsheetCli
{
    public static RootCommand Create() => new("Broadsheet: e-paper issue dumps into enriched, searchable articles.")
    {
        ParseCommand(),
        ServeCommand(),
        UploadCommand.Create(),
        QueryCommand.Query(),
        QueryCommand.Issues(),
    };

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["help", .. var rest]) args = [.. rest, "--help"];
        var parsed = Create().Parse(args);
        // A command line it can't make sense of is one line, not the parser's list of errors followed by the help.
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
            return Fail(error, UsageError(parsed), 2);
        try
        {
            // Commands handle Ctrl+C and SIGTERM themselves (the dev host stops its engine and answers in-flight requests).
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (CliUsageException e) { return Fail(error, e.Message, 2); }
        catch (IssueFormatException e) { return Fail(error, e.Message, 1); }
        catch (IOException e) { return Fail(error, e.Message, 1); }
        catch (UnauthorizedAccessException e) { return Fail(error, e.Message, 1); }
        catch (StorageUnreachableException e) { return Fail(error, e.Message, 1); }
        catch (DevHostStartFailure e) { return Fail(error, e.Message, 1); }
        catch (CliFailure e) { return Fail(error, e.Message, e.ExitCode); }
        catch (OperationCanceledException) { return Fail(error, "cancelled", 130); }
        catch (Exception e)
        {
            // A bug, not a user error: still one line, with enough to report it.
            return Fail(error, $"unexpected {e.GetType().Name}: {StorageProbe.FirstLine(e.Message)}", 70);
        }
    }

    private static Command ParseCommand()
    {
        var file = new Argument<string>("FILE") { Description = "An issue dump: one text file, pages split by form feeds" };
        var paper = CliOptions.Paper("The paper (else from the text)");
        var date = CliOptions.Date("--date", "The issue date (else from the text)");
        var enrich = new Option<bool>("--enrich") { Description = "Add people, places, organisations, quotes, figures, dates, keywords and a summary" };
        var command = new Command("parse", "Print a dump's articles as JSON (docs/contract.md §1), without storage") { file, paper, date, enrich };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path)) throw new CliFailure($"no such file: {path}");
            var bytes = await File.ReadAllBytesAsync(path, ct);
            var issue = IssueParser.Parse(bytes, new IssueContext(result.GetValue(paper), result.GetValue(date)));
            if (result.GetValue(enrich))
            {
                var enricher = new ArticleEnricher();
                foreach (var article in issue.Articles) article.Enrichment = enricher.Enrich(article, issue.Issue);
            }
            await using var stdout = Console.OpenStandardOutput();
            await JsonSerializer.SerializeAsync(stdout, issue, ArticleJson.Options, ct);
            await stdout.WriteAsync("\n"u8.ToArray(), ct);
            return 0;
        });
        return command;
    }

    private static Command ServeCommand()
    {
        var storage = CliOptions.Storage();
        var port = CliOptions.Int("--port", 1, 65535, $"Port of the API on 127.0.0.1 (default {DevHost.DevHost.DefaultPort})");
        var command = new Command("serve", "Run the dev host: a container watcher, the pipeline and the HTTP API, on Azurite or any storage account")
            { storage, port };
        command.SetAction((result, _) => DevHost.DevHost.RunAsync(new DevHostOptions(
            Endpoints.Storage(result.GetValue(storage)),
            result.GetValue(port) ?? DevHost.DevHost.DefaultPort)));
        return command;
    }

    private static string UsageError(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        if (command.Name == "query" && parsed.UnmatchedTokens.Count > 0)
            return $"query takes options only (did you mean --q \"{string.Join(' ', parsed.UnmatchedTokens)}\"?)";
        // "Unrecognized command or argument 'x'" says more than "Required command was not provided".
        var first = parsed.Errors.FirstOrDefault(e => !e.Message.StartsWith("Required command", StringComparison.Ordinal)) ?? parsed.Errors[0];
        return $"{first.Message} (see `broadsheet {(command is RootCommand ? "" : command.Name + " ")}--help`)";
    }

    private static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine($"broadsheet: {message}");
        return code;
    }
}
