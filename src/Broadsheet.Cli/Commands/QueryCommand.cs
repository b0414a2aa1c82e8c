using System.Text.Json;
using Spectre.Console;

namespace Broadsheet.Cli.Commands;

/// <summary>`broadsheet query` and `broadsheet issues`: the HTTP API as readable tables (or raw JSON with --json).</summary>
public static class QueryCommand
{
    /// <summary>CLI options passed through as query parameters of GET /api/articles (contract §3).</summary>
    private static readonly string[] TextFilters = ["q", "person", "place", "org", "author", "column", "paper", "kind", "continuationToken"];
    private static readonly string[] DateFilters = ["date", "from", "to"];

    public static async Task<int> RunQueryAsync(CliOptions options)
    {
        if (options.Positional.Count > 0)
            throw new CliUsageException($"query takes options only (did you mean --q \"{string.Join(' ', options.Positional)}\"?)");
        var query = new List<KeyValuePair<string, string>>();
        foreach (var name in TextFilters)
            if (options.GetValue(name) is { } v) query.Add(new(name, v));
        foreach (var name in DateFilters)
            if (options.GetDate(name) is { } d) query.Add(new(name, d.ToString("yyyy-MM-dd")));
        if (options.GetInt("top", 1, 100) is { } top) query.Add(new("top", top.ToString()));

        using var api = ApiClient.From(options);
        var relative = "articles" + QueryString(query);
        if (options.Has("json"))
        {
            Console.Out.WriteLine(await api.GetStringAsync(relative, CancellationToken.None));
            return 0;
        }
        using var doc = await api.GetJsonAsync(relative, CancellationToken.None);
        var items = Items(doc.RootElement);
        var console = Output();
        if (items.Count == 0)
        {
            console.MarkupLine("[yellow]no stories match[/]");
            return 0;
        }
        // Ids are long; a narrow terminal gets the readable columns (ids are in --json).
        console.Write(ArticleTable(items, withIds: console.Profile.Width >= 120));
        console.MarkupLine($"[grey]{items.Count} stor{(items.Count == 1 ? "y" : "ies")}[/]");
        if (Str(doc.RootElement, "continuationToken") is { } token)
            console.MarkupLine($"[grey]more: add --continuationToken {Markup.Escape(token)}[/]");
        return 0;
    }

    public static async Task<int> RunIssuesAsync(CliOptions options)
    {
        using var api = ApiClient.From(options);
        var query = new List<KeyValuePair<string, string>>();
        if (options.GetValue("continuationToken") is { } t) query.Add(new("continuationToken", t));
        var relative = "issues" + QueryString(query);
        if (options.Has("json"))
        {
            Console.Out.WriteLine(await api.GetStringAsync(relative, CancellationToken.None));
            return 0;
        }
        using var doc = await api.GetJsonAsync(relative, CancellationToken.None);
        var items = Items(doc.RootElement);
        var console = Output();
        if (items.Count == 0)
        {
            console.MarkupLine("[yellow]no issues uploaded yet[/] — try `broadsheet upload FILE`");
            return 0;
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
        return 0;
    }

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
        var kind = Str(a, "kind") ?? "item";
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
