using System.Globalization;
using Broadsheet.Core.Layout;
using Broadsheet.Core.Model;
using Broadsheet.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Broadsheet.Api;

// One record per request, bound from the query string or the route and checked on the way in: a value that is
// wrong is a QueryException whose message is the one line of the 400. Query parameters are data: they reach
// storage only as escaped filter values or key ranges.

/// <summary>GET /api/issues?paper=&amp;from=&amp;to=&amp;status=&amp;top=&amp;continuationToken=</summary>
public sealed record IssueListRequest(string? Paper, string? From, string? To, string? Status, int Top, string? ContinuationToken)
{
    public const int DefaultTop = 50, MaxTop = 200;

    private static readonly string[] Statuses = [IssueStatus.Queued, IssueStatus.Running, IssueStatus.Complete, IssueStatus.Failed];

    /// <summary>Identity for continuation tokens: every filter, not Top.</summary>
    public string Fingerprint() => ContinuationTokens.Fingerprint("issues", Paper, From, To, Status);

    public static IssueListRequest Bind(IQueryCollection query)
    {
        var p = QueryParameters.Read(query, "paper", "from", "to", "status", "top", "continuationToken");
        var request = new IssueListRequest(p.Text("paper"), p.Date("from"), p.Date("to"), p.OneOf("status", Statuses),
            p.Int("top", DefaultTop, 1, MaxTop), p.Text("continuationToken"));
        if (request.From is not null && request.To is not null && string.CompareOrdinal(request.From, request.To) > 0)
            throw new QueryException("from is after to");
        return request;
    }
}

/// <summary>GET /api/issues/{paper}/{date}?top=&amp;continuationToken= (the article list is paged, in issue order)</summary>
public sealed record IssueRequest(string Paper, string Date, int Top = IssueRequest.DefaultTop, string? ContinuationToken = null)
{
    public const int DefaultTop = 100, MaxTop = 500;

    public IssueKey Key => IssueKey.For(Paper, Date);

    /// <summary>Identity for continuation tokens: the issue, not Top.</summary>
    public string Fingerprint() => ContinuationTokens.Fingerprint("issue", Key.PartitionKey, Key.RowKey);

    public static IssueRequest Bind(RouteValueDictionary route, IQueryCollection query)
    {
        var paper = QueryParameters.RouteValue(route, "paper");
        var date = QueryParameters.RouteValue(route, "date");
        if (string.IsNullOrWhiteSpace(paper) || paper.Length > IssueKey.MaxPaperLength) throw new QueryException("paper is missing or too long");
        if (!IssueKey.IsDate(date)) throw new QueryException($"date must be yyyy-MM-dd, not '{QueryParameters.Clip(date)}'");
        var p = QueryParameters.Read(query, "top", "continuationToken");
        return new IssueRequest(paper, date, p.Int("top", DefaultTop, 1, MaxTop), p.Text("continuationToken"));
    }
}

/// <summary>GET /api/articles?paper=&amp;date=&amp;from=&amp;to=&amp;q=&amp;person=&amp;place=&amp;org=&amp;author=&amp;column=&amp;kind=&amp;top=&amp;continuationToken=</summary>
public static class ArticleSearchRequest
{
    public const int DefaultTop = 20, MaxTop = 100;

    private static readonly string[] Kinds = [ArticleKind.Article, ArticleKind.Brief, ArticleKind.Commentary, ArticleKind.Photo, ArticleKind.EditorsNote];

    /// <summary>The query record of Broadsheet.Search, from the query string.</summary>
    public static ArticleQuery Bind(IQueryCollection query)
    {
        var p = QueryParameters.Read(query, "paper", "date", "from", "to", "q", "person", "place", "org", "author", "column", "kind", "top", "continuationToken");
        var date = p.Date("date");
        var from = p.Date("from");
        var to = p.Date("to");
        if (date is not null && (from is not null || to is not null)) throw new QueryException("give date, or from/to, not both");
        if (date is not null) from = to = date;
        if (from is not null && to is not null && string.CompareOrdinal(from, to) > 0) throw new QueryException("from is after to");
        return new ArticleQuery
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
            Top = p.Int("top", DefaultTop, 1, MaxTop),
            ContinuationToken = p.Text("continuationToken"),
        };
    }
}

/// <summary>GET /api/articles/{id}</summary>
public sealed record ArticleRequest(ArticleId Id)
{
    public static ArticleRequest Bind(RouteValueDictionary route)
    {
        var id = QueryParameters.RouteValue(route, "id");
        return ArticleId.TryParse(id, out var articleId)
            ? new ArticleRequest(articleId)
            : throw new QueryException($"'{QueryParameters.Clip(id)}' is not an article id (they look like paper_yyyy-MM-dd_p1-03)");
    }
}

/// <summary>Query parameters, checked: only known names (plus the Functions key, `code`), each at most once, none too long.</summary>
internal sealed class QueryParameters
{
    public const int MaxValueLength = 200;

    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public static QueryParameters Read(IQueryCollection query, params string[] allowed)
    {
        var p = new QueryParameters();
        foreach (var (name, values) in query)
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
        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new QueryException($"{name} must be a whole number from {min} to {max}, not '{Clip(v)}'");
    }

    public static string RouteValue(RouteValueDictionary route, string name) => route.TryGetValue(name, out var v) ? v?.ToString() ?? "" : "";

    public static string Clip(string? s) => s is null ? "" : s.Length > 60 ? Chars.Clip(s, 60) + "…" : s;
}
