using System.CommandLine;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Broadsheet.Ingestion;
using Broadsheet.Storage;
using Spectre.Console;

namespace Broadsheet.Cli.Commands;

/// <summary>`broadsheet upload FILE|DIR…`: puts dumps into the `issues` container, where the pipeline picks them up.</summary>
public static class UploadCommand
{
    private sealed record WaitOptions(bool Wait, string? Api, string? Key, int Timeout);

    /// <summary>How long `--wait` waits at most unless `--timeout` says otherwise.</summary>
    public const int DefaultWaitSeconds = 300;

    public static Command Create()
    {
        var paths = new Argument<string[]>("FILE|DIR")
        {
            Description = "Dumps to upload: files, or folders whose *.txt files are all uploaded (archive/{paper}/{yyyy-MM-dd}.txt names them)",
            Arity = ArgumentArity.OneOrMore,
        };
        var paper = CliOptions.Paper("The paper, for every file (else from the path: …/{paper}/{date}.txt or {paper}-{date}.txt)");
        var date = CliOptions.Date("--date", "The issue date, for every file (else from the file name)");
        var storage = CliOptions.Storage();
        var wait = new Option<bool>("--wait") { Description = "Poll the API until each upload is ingested or failed" };
        var (api, key) = (CliOptions.Api(), CliOptions.Key());
        var timeout = CliOptions.Int("--timeout", 1, 3600, $"Seconds --wait waits at most (default {DefaultWaitSeconds})");
        var command = new Command("upload", "Upload issue dumps to the `issues` container, where the pipeline picks them up")
            { paths, paper, date, storage, wait, api, key, timeout };
        command.SetAction((result, _) => RunAsync(result.GetValue(paths) ?? [], result.GetValue(paper), result.GetValue(date),
            Endpoints.Storage(result.GetValue(storage)),
            new WaitOptions(result.GetValue(wait), result.GetValue(api), result.GetValue(key), result.GetValue(timeout) ?? DefaultWaitSeconds)));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string? paper, DateOnly? date, string storage, WaitOptions waiting)
    {
        if (paths.Length == 0) throw new CliUsageException("upload needs at least one FILE or DIR");
        var files = ExpandFiles(paths);
        var targets = files.Select(f => BlobNaming.For(f, paper, date)).ToList();
        var clash = targets.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new CliUsageException($"{clash.Count()} files would all be uploaded as {Endpoints.IssuesContainer}/{clash.Key} — "
                + "use --paper/--date for one file at a time, or lay files out as {paper}/{yyyy-MM-dd}.txt");

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        var service = StorageProbe.CreateClient(storage);
        var container = await StorageProbe.OpenUploadContainerAsync(service, cts.Token);
        var startedAt = DateTimeOffset.UtcNow;

        var versions = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        if (targets.Count == 1)
        {
            versions[targets[0].Name] = await UploadAsync(container, targets[0], cts.Token);
            Console.Out.WriteLine($"uploaded {targets[0].File} → {container.Name}/{targets[0].Name}");
        }
        else
        {
            var failures = await UploadManyAsync(container, targets, versions, cts.Token);
            Console.Out.WriteLine($"uploaded {targets.Count - failures.Count} of {targets.Count} files to {container.Name}/");
            foreach (var (t, reason) in failures) Console.Error.WriteLine($"broadsheet: {t.File}: {reason}");
            if (failures.Count > 0) return 1;
        }

        if (waiting.Wait) return await WaitForIngestionAsync(waiting, targets, versions, startedAt, cts.Token);
        return 0;
    }

    private static List<string> ExpandFiles(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(path);
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new CliUsageException($"no .txt files under {path}");
                files.AddRange(found);
            }
            else throw new CliUsageException($"no such file or directory: {path}");
        }
        return files;
    }

    /// <summary>Uploads one dump and returns the version the pipeline will publish it as (it derives from the content).</summary>
    private static async Task<string> UploadAsync(BlobContainerClient container, BlobTarget target, CancellationToken ct)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" },
            Metadata = target.Metadata.Count > 0 ? new Dictionary<string, string>(target.Metadata) : null,
        };
        try
        {
            var blob = container.GetBlobClient(target.Name);
            await using (var stream = File.OpenRead(target.File)) await blob.UploadAsync(stream, options, ct);
            // The content hash the intake will see: storage's Content-MD5, else the SHA-256 of the bytes.
            var md5 = (await blob.GetPropertiesAsync(cancellationToken: ct)).Value.ContentHash;
            return Upload.VersionOf(md5 is { Length: > 0 }
                ? Upload.Md5ContentHash(md5)
                : Upload.Sha256ContentHash(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(target.File, ct))));
        }
        catch (RequestFailedException e)
        {
            throw new CliFailure($"{target.File}: {StorageProbe.Describe(container.Uri, e)}");
        }
    }

    private static async Task<List<(BlobTarget, string)>> UploadManyAsync(BlobContainerClient container, List<BlobTarget> targets,
        System.Collections.Concurrent.ConcurrentDictionary<string, string> versions, CancellationToken ct)
    {
        var failures = new List<(BlobTarget, string)>();
        await Progress().StartAsync(async ctx =>
        {
            var bar = ctx.AddTask($"uploading {targets.Count} files", maxValue: targets.Count);
            await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (t, token) =>
            {
                try { versions[t.Name] = await UploadAsync(container, t, token); }
                catch (Exception e) when (e is CliFailure or IOException or UnauthorizedAccessException)
                {
                    lock (failures) failures.Add((t, StorageProbe.FirstLine(e.Message)));
                }
                bar.Increment(1);
            });
        });
        return failures;
    }

    private static Progress Progress()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn());
    }

    /// <summary>
    /// Polls GET /api/issues until every uploaded issue is complete or failed. A row counts once it was updated after
    /// this upload started — or at once when it is complete with the very version this content publishes as: the
    /// upload changed nothing, and the pipeline will leave the row as it is.
    /// </summary>
    private static async Task<int> WaitForIngestionAsync(WaitOptions options, List<BlobTarget> targets,
        IReadOnlyDictionary<string, string> versions, DateTimeOffset startedAt, CancellationToken ct)
    {
        var timeout = TimeSpan.FromSeconds(options.Timeout);
        using var api = ApiClient.From(options.Api, options.Key);
        var pending = targets.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var failed = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Console.Error.WriteLine($"waiting for {api.BaseUri}issues to show {(pending.Count == 1 ? "it" : "them")} ingested…");
        while (pending.Count > 0)
        {
            if (clock.Elapsed > timeout)
                throw new CliFailure($"not ingested after {timeout.TotalSeconds:0} s: {string.Join(", ", pending.Keys)} — is `broadsheet serve` watching this storage account?");
            foreach (var item in await api.GetAllItemsAsync("issues", 200, ct))
            {
                var target = Match(item, pending);
                if (target is null) continue;
                var status = QueryCommand.Str(item, "status");
                if (status is not ("complete" or "failed")) continue;
                var fresh = DateTimeOffset.TryParse(QueryCommand.Str(item, "updated"), out var updated) && updated >= startedAt;
                var unchanged = !fresh && status == "complete" && versions.TryGetValue(target.Name, out var version)
                                && QueryCommand.Str(item, "version") == version;
                if (!fresh && !unchanged) continue;
                pending.Remove(target.Name);
                if (status == "failed")
                {
                    failed++;
                    Console.Error.WriteLine($"broadsheet: {target.Name} failed: {QueryCommand.Str(item, "error") ?? "no reason given"}");
                }
                else if (unchanged) Console.Error.WriteLine($"{target.Name}: unchanged, already ingested: {Count(item, "articles")} stories");
                else Console.Error.WriteLine($"{target.Name}: ingested, {Count(item, "articles")} stories");
            }
            if (pending.Count > 0) await Task.Delay(1000, ct);
        }
        return failed == 0 ? 0 : 1;
    }

    private static BlobTarget? Match(JsonElement item, Dictionary<string, BlobTarget> pending)
    {
        var blob = QueryCommand.Str(item, "blob");
        if (blob is not null)
            foreach (var t in pending.Values)
                if (blob == t.Name || blob.EndsWith("/" + t.Name, StringComparison.Ordinal)) return t;
        var paper = QueryCommand.Str(item, "paper");
        var date = QueryCommand.Str(item, "date");
        return pending.Values.FirstOrDefault(t => t.Paper is not null && t.Paper == paper && t.Date == date);
    }

    private static string Count(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : "?";
}
