using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Broadsheet.Cli.Commands;

/// <summary>`broadsheet query` and `broadsheet issues`: the HTTP API as readable tables (or raw JSON with --json).</summary>
public static class QueryCommand
{
    /// <summary>Options passed through as query parameters of GET /api/articles (docs/contract.md §3), with what they filter.</summary>
    private static readonly (string Name, string Description)[] TextFilters =
    [
        ("q", "Words in the headline or text, segmented like ingestion"),
        ("person", "A person named in the story"),
        ("place", "A place named in the story"),
        ("org", "An organisation named in the story"),
        ("author", "A byline"),
        ("column", "The column (栏目) the story ran under"),
        ("paper", "The paper"),
        ("kind", "article, brief, commentary, photo or editorsNote"),
        ("continuationToken", "Resume a listing where the previous page ended"),
    ];

    private static readonly (string Name, string Description)[] DateFilters =
    [
        ("date", "Stories of one issue date"),
        ("from", "Stories of this date or later"),
        ("to", "Stories of this date or earlier"),
    ];

    public static Command Query()
    {
        var text = TextFilters.Select(f => CliOptions.Text("--" + f.Name, f.Description)).ToList();
        var dates = DateFilters.Select(f => CliOptions.Date("--" + f.Name, f.Description)).ToList();
        var top = CliOptions.Int("--top", 1, 100, "Stories per page");
        var (api, key, json) = (CliOptions.Api(), CliOptions.Key(), CliOptions.Json());
        var command = new Command("query", "Search stories through the HTTP API: title, date, page, byline, place, id");
        foreach (var o in text) command.Options.Add(o);
        foreach (var o in dates) command.Options.Add(o);
        foreach (var o in new Option[] { top, api, key, json }) command.Options.Add(o);
        command.SetAction(async (result, ct) =>
        {
            var query = new List<KeyValuePair<string, string>>();
            foreach (var o in text)
                if (result.GetValue(o) is { } v) query.Add(new(o.Name.TrimStart('-'), v));
            foreach (var o in dates)
                if (result.GetValue(o) is { } d) query.Add(new(o.Name.TrimStart('-'), d.ToString("yyyy-MM-dd")));
            if (result.GetValue(top) is { } n) query.Add(new("top", n.ToString()));
            return await RunQueryAsync(ApiClient.From(result.GetValue(api), result.GetValue(key)), "articles" + QueryString(query), result.GetValue(json), ct);
        });
        return command;
    }

    public static Command Issues()
    {
        var token = CliOptions.Text("--continuationToken", "Resume the listing where the previous page ended");
        var (api, key, json) = (CliOptions.Api(), CliOptions.Key(), CliOptions.Json());
        var command = new Command("issues", "List uploads with their status and errors") { token, api, key, json };
        command.SetAction(async (result, ct) =>
        {
            var query = new List<KeyValuePair<string, string>>();
            if (result.GetValue(token) is { } t) query.Add(new("continuationToken", t));
            return await RunIssuesAsync(ApiClient.From(result.GetValue(api), result.GetValue(key)), "issues" + QueryString(query), result.GetValue(json), ct);
        });
        return command;
    }

    /// <summary>GETs a list from the API and prints it raw (--json) or through <paramref name="render"/>.</summary>
    private static async Task<int> ShowAsync(ApiClient client, string relative, bool asJson, CancellationToken ct,
        Action<IAnsiConsole, JsonElement, List<JsonElement>> render)
    {
        using var api = client;
        if (asJson)
        {
            Console.Out.WriteLine(await api.GetStringAsync(relative, ct));
            return 0;
        }
        using var doc = await api.GetJsonAsync(relative, ct);
        render(Output(), doc.RootElement, Items(doc.RootElement));
        return 0;
    }

    private static Task<int> RunQueryAsync(ApiClient client, string relative, bool asJson, CancellationToken ct) =>
        ShowAsync(client, relative, asJson, ct, (console, root, items) =>
        {
            if (items.Count == 0)
            {
                console.MarkupLine("[yellow]no stories match[/]");
                return;
            }
            // Ids are long; a narrow terminal gets the readable columns (ids are in --json).
            console.Write(ArticleTable(items, withIds: console.Profile.Width >= 120));
            console.MarkupLine($"[grey]{items.Count} stor{(items.Count == 1 ? "y" : "ies")}[/]");
            if (Str(root, "continuationToken") is { } token)
                console.MarkupLine($"[grey]more: add --continuationToken {Markup.Escape(token)}[/]");
        });

    private static Task<int> RunIssuesAsync(ApiClient client, string relative, bool asJson, CancellationToken ct) =>
        ShowAsync(client, relative, asJson, ct, (console, _, items) =>
        {
            if (items.Count == 0)
            {
                console.MarkupLine("[yellow]no issues uploaded yet[/] — try `broadsheet upload FILE`");
                return;
            }
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("paper", "date", "status", "pages", "stories", "updated", "error");
            foreach (var i in items)
            {
                var status = Str(i, "status") ?? "?";
                var colour = status switch { "complete" => "green", "failed" => "red", "running" => "blue", _ => "yellow" };
                table.AddRow(
                    new Text(Str(i, "paper") ?? $"({Str(i, "blob") ?? "?"})"),
                    new Text(Str(i, "date") ?? ""),
                    new Markup($"[{colour}]{Markup.Escape(status)}[/]"),
                    new Text(Number(i, "pages")),
                    new Text(Number(i, "articles")),
                    new Text(DateTimeOffset.TryParse(Str(i, "updated"), out var u) ? u.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'") : ""),
                    new Text(Str(i, "error") ?? ""));
            }
            console.Write(table);
        });

    internal static Table ArticleTable(IEnumerable<JsonElement> articles, bool withIds)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("title", "date", "page", "byline", "place");
        if (withIds) table.AddColumn("id");
        foreach (var a in articles)
        {
            var cells = new List<Text> { new(Title(a)), new(Date(a) ?? ""), new(Pages(a)), new(Byline(a) ?? ""), new(Place(a) ?? "") };
            if (withIds) cells.Add(new Text(Str(a, "id") ?? ""));
            table.AddRow(cells);
        }
        return table;
    }

    internal static List<JsonElement> Items(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? [.. items.EnumerateArray()]
            : root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : [];

    internal static string QueryString(IReadOnlyList<KeyValuePair<string, string>> query) =>
        query.Count == 0 ? "" : "?" + string.Join('&', query.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"));

    /// <summary>Wide output when piped, so Chinese titles are not folded into narrow columns.</summary>
    internal static IAnsiConsole Output()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 200;
        return console;
    }

    private static string Title(JsonElement a)
    {
        // Kicker and title; the subtitle (often a long "——访…" line) is left to --json.
        var parts = new[] { Str(a, "kicker"), Str(a, "title") }.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        if (parts.Count == 0 && Str(a, "subtitle") is { Length: > 0 } sub) parts.Add(sub);
        if (parts.Count > 0) return string.Join(' ', parts);
        // Untitled items (photos, briefs): the start of their text stands in.
        var first = a.TryGetProperty("paragraphs", out var ps) && ps.ValueKind == JsonValueKind.Array && ps.GetArrayLength() > 0
            ? ps[0].GetString() ?? "" : "";
        var kind = Core.Model.ArticleKind.ReaderName(Str(a, "kind") ?? "item");
        return first.Length == 0 ? $"({kind})" : $"({kind}) {(first.Length > 24 ? first[..24] + "…" : first)}";
    }

    private static string? Date(JsonElement a) =>
        Str(a, "date")
        ?? (a.TryGetProperty("issue", out var issue) && issue.ValueKind == JsonValueKind.Object ? Str(issue, "date") : null)
        ?? (a.TryGetProperty("dateline", out var d) && d.ValueKind == JsonValueKind.Object ? Str(d, "date") : null);

    private static string Pages(JsonElement a)
    {
        if (a.TryGetProperty("pages", out var pages) && pages.ValueKind == JsonValueKind.Array && pages.GetArrayLength() > 1)
            return string.Join(',', pages.EnumerateArray().Select(p => p.GetRawText()));
        return Number(a, "page");
    }

    private static string? Byline(JsonElement a)
    {
        if (a.TryGetProperty("byline", out var b) && b.ValueKind == JsonValueKind.Array && b.GetArrayLength() > 0)
            return string.Join('、', b.EnumerateArray().Select(x => Str(x, "name")).Where(n => n is not null));
        return Str(a, "bylineRaw");
    }

    private static string? Place(JsonElement a)
    {
        if (a.TryGetProperty("dateline", out var d) && d.ValueKind == JsonValueKind.Object && Str(d, "place") is { } p) return p;
        if (a.TryGetProperty("enrichment", out var e) && e.ValueKind == JsonValueKind.Object
            && e.TryGetProperty("places", out var places) && places.ValueKind == JsonValueKind.Array && places.GetArrayLength() > 0)
            return Str(places[0], "name");
        return null;
    }

    internal static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.Number => v.GetRawText(), JsonValueKind.Array => v.GetArrayLength().ToString(), _ => "" }
            : "";
}
