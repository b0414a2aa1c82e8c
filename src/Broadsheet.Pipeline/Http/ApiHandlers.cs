using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Broadsheet.Core.Json;
using Broadsheet.Core.Model;
using Broadsheet.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Pipeline.Http;

/// <summary>
/// The HTTP API (contract §3) as plain methods: the function app and the dev host route to these. Query
/// parameters are data: they reach storage only as escaped filter values or key ranges. Bad parameters get a 400
/// with one line saying what is wrong.
/// </summary>
public sealed class ApiHandlers(QueryEngine engine, IssueStore issues, ArticleStore articles, ContinuationTokens tokens, ILogger<ApiHandlers> log)
{
    private static readonly string[] Kinds = [ArticleKind.Article, ArticleKind.Brief, ArticleKind.Commentary, ArticleKind.Photo, ArticleKind.EditorsNote];
    private const int MaxValueLength = 200;

    /// <summary>GET /api/issues?paper=&amp;from=&amp;to=&amp;status=&amp;top=&amp;continuationToken= — every upload, failed ones with their reason.</summary>
    public Task<IActionResult> ListIssuesAsync(HttpRequest request) => GuardAsync(request, () => ListIssuesCoreAsync(request));

    private async Task<IActionResult> ListIssuesCoreAsync(HttpRequest request)
    {
        try
        {
            var p = Params.Read(request, "paper", "from", "to", "status", "top", "continuationToken");
            var paper = p.Text("paper");
            var from = p.Date("from");
            var to = p.Date("to");
            var status = p.OneOf("status", [IssueStatus.Queued, IssueStatus.Running, IssueStatus.Complete, IssueStatus.Failed]);
            var top = p.Int("top", 50, 1, 200);
            if (from is not null && to is not null && string.CompareOrdinal(from, to) > 0) throw new QueryException("from is after to");
            var fingerprint = ContinuationTokens.Fingerprint("issues", paper, from, to, status);
            var token = p.Text("continuationToken") is { } t ? tokens.Read(t, fingerprint) : null;

            var (rows, next) = await issues.ListAsync(paper, from, to, status, top, token, request.HttpContext.RequestAborted);
            return Json(200, w =>
            {
                w.WriteStartArray("items");
                foreach (var row in rows) WriteIssue(w, row);
                w.WriteEndArray();
                w.WriteString("continuationToken", next is null ? null : tokens.Create(fingerprint, next));
            });
        }
        catch (QueryException e)
        {
            return BadRequest(request, e.Message);
        }
    }

    /// <summary>GET /api/issues/{paper}/{date} — the issue and its current article list (summaries; whole articles at /api/articles/{id}).</summary>
    public Task<IActionResult> GetIssueAsync(HttpRequest request, string paper, string date) =>
        GuardAsync(request, () => GetIssueCoreAsync(request, paper, date));

    private async Task<IActionResult> GetIssueCoreAsync(HttpRequest request, string paper, string date)
    {
        if (string.IsNullOrWhiteSpace(paper) || paper.Length > MaxValueLength) return BadRequest(request, "paper is missing or too long");
        if (!IssueKey.IsDate(date)) return BadRequest(request, $"date must be yyyy-MM-dd, not '{Clip(date)}'");
        var key = IssueKey.For(paper, date);
        var row = await issues.GetAsync(key, request.HttpContext.RequestAborted);
        if (row is null) return Error(404, $"no issue {paper} {date}");
        var list = row.CurrentVersion is null ? [] : await articles.ListVersionAsync(key, row.CurrentVersion, request.HttpContext.RequestAborted);
        return Json(200, w =>
        {
            WriteIssueFields(w, row);
            w.WriteStartArray("articleList");
            foreach (var a in list)
            {
                var node = JsonNode.Parse(a.Json)!.AsObject();
                w.WriteStartObject();
                foreach (var field in new[] { "id", "page", "pages", "kind", "kicker", "title", "subtitle", "column", "byline" })
                {
                    w.WritePropertyName(field);
                    if (node[field] is { } v) v.WriteTo(w); else w.WriteNullValue();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    /// <summary>GET /api/articles?paper=&amp;date=&amp;from=&amp;to=&amp;q=&amp;person=&amp;place=&amp;org=&amp;author=&amp;column=&amp;kind=&amp;top=&amp;continuationToken=</summary>
    public Task<IActionResult> SearchArticlesAsync(HttpRequest request) => GuardAsync(request, () => SearchArticlesCoreAsync(request));

    private async Task<IActionResult> SearchArticlesCoreAsync(HttpRequest request)
    {
        try
        {
            var p = Params.Read(request, "paper", "date", "from", "to", "q", "person", "place", "org", "author", "column", "kind", "top", "continuationToken");
            var date = p.Date("date");
            var from = p.Date("from");
            var to = p.Date("to");
            if (date is not null && (from is not null || to is not null)) throw new QueryException("give date, or from/to, not both");
            if (date is not null) from = to = date;
            if (from is not null && to is not null && string.CompareOrdinal(from, to) > 0) throw new QueryException("from is after to");
            var query = new ArticleQuery
            {
                Paper = p.Text("paper"),
                From = from,
                To = to,
                Q = p.Text("q"),
                Person = p.Text("person"),
                Place = p.Text("place"),
                Org = p.Text("org"),
                Author = p.Text("author"),
                Column = p.Text("column"),
                Kind = p.OneOf("kind", Kinds),
                Top = p.Int("top", 20, 1, 100),
                ContinuationToken = p.Text("continuationToken"),
            };
            var page = await engine.SearchAsync(query, request.HttpContext.RequestAborted);
            return Json(200, w =>
            {
                w.WriteStartArray("items");
                foreach (var item in page.Items) w.WriteRawValue(item, skipInputValidation: true);
                w.WriteEndArray();
                w.WriteString("continuationToken", page.ContinuationToken);
            });
        }
        catch (QueryException e)
        {
            return BadRequest(request, e.Message);
        }
    }

    /// <summary>GET /api/articles/{id} — one article, whole, in the issue's current version.</summary>
    public Task<IActionResult> GetArticleAsync(HttpRequest request, string id) => GuardAsync(request, () => GetArticleCoreAsync(request, id));

    private async Task<IActionResult> GetArticleCoreAsync(HttpRequest request, string id)
    {
        if (!ArticleId.TryParse(id, out var articleId))
            return BadRequest(request, $"'{Clip(id)}' is not an article id (they look like paper_yyyy-MM-dd_p1-03)");
        var row = await issues.GetAsync(articleId.Issue, request.HttpContext.RequestAborted);
        var json = row?.CurrentVersion is { } version ? await articles.GetJsonAsync(articleId, version, request.HttpContext.RequestAborted) : null;
        if (json is null) return Error(404, $"no article {Clip(id)}");
        return new ContentResult { StatusCode = 200, Content = json, ContentType = "application/json; charset=utf-8" };
    }

    /// <summary>Storage trouble that outlasted the retries is a 503 with one line, logged with its details; never a stack trace.</summary>
    private async Task<IActionResult> GuardAsync(HttpRequest request, Func<Task<IActionResult>> handle)
    {
        try
        {
            return await handle();
        }
        catch (Exception e) when (e is Azure.RequestFailedException or Polly.Timeout.TimeoutRejectedException or HttpRequestException)
        {
            log.LogError(e, "Storage unavailable for {Path}{Query}", request.Path, request.QueryString);
            return Error(503, "storage is unavailable right now; try again shortly");
        }
    }

    private IActionResult BadRequest(HttpRequest request, string message)
    {
        log.LogInformation("400 {Path}{Query}: {Message}", request.Path, request.QueryString, message);
        return Error(400, message);
    }

    private static IActionResult Error(int status, string message) => Json(status, w => w.WriteString("error", message));

    private static ContentResult Json(int status, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ArticleJson.Compact.Encoder }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return new ContentResult { StatusCode = status, Content = Encoding.UTF8.GetString(buffer.ToArray()), ContentType = "application/json; charset=utf-8" };
    }

    private static void WriteIssue(Utf8JsonWriter w, IssueEntity row)
    {
        w.WriteStartObject();
        WriteIssueFields(w, row);
        w.WriteEndObject();
    }

    private static void WriteIssueFields(Utf8JsonWriter w, IssueEntity row)
    {
        w.WriteString("paper", row.Paper);
        w.WriteString("date", row.Date);
        w.WriteNumber("pages", row.Pages);
        w.WriteNumber("articles", row.Articles);
        w.WriteNumber("unassigned", row.Unassigned);
        w.WriteString("status", row.Status);
        w.WriteString("error", row.Error);
        w.WriteString("blob", row.Blob);
        w.WriteString("updated", row.Updated);
        w.WriteString("version", row.CurrentVersion);
    }

    private static string Clip(string? s) => s is null ? "" : s.Length > 60 ? s[..60] + "…" : s;

    /// <summary>Query parameters, checked: only known names (plus the Functions key, `code`), each at most once.</summary>
    private sealed class Params
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

        public static Params Read(HttpRequest request, params string[] allowed)
        {
            var p = new Params();
            foreach (var (name, values) in request.Query)
            {
                if (name.Equals("code", StringComparison.OrdinalIgnoreCase)) continue;
                var known = allowed.FirstOrDefault(a => a.Equals(name, StringComparison.OrdinalIgnoreCase))
                            ?? throw new QueryException($"unknown parameter '{Clip(name)}' (known: {string.Join(", ", allowed)})");
                if (values.Count > 1) throw new QueryException($"give {known} once");
                var v = values.ToString().Trim();
                if (v.Length == 0) continue;
                if (v.Length > MaxValueLength && known != "continuationToken") throw new QueryException($"{known} is longer than {MaxValueLength} characters");
                p._values[known] = v;
            }
            return p;
        }

        public string? Text(string name) => _values.GetValueOrDefault(name);

        public string? Date(string name)
        {
            var v = Text(name);
            if (v is null) return null;
            return IssueKey.IsDate(v) ? v : throw new QueryException($"{name} must be a date yyyy-MM-dd, not '{Clip(v)}'");
        }

        public string? OneOf(string name, string[] allowed)
        {
            var v = Text(name);
            if (v is null) return null;
            return allowed.FirstOrDefault(a => a.Equals(v, StringComparison.OrdinalIgnoreCase))
                   ?? throw new QueryException($"{name} must be one of {string.Join(", ", allowed)}, not '{Clip(v)}'");
        }

        public int Int(string name, int fallback, int min, int max)
        {
            var v = Text(name);
            if (v is null) return fallback;
            return int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? n
                : throw new QueryException($"{name} must be a whole number from {min} to {max}, not '{Clip(v)}'");
        }
    }
}
