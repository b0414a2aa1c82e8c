using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Broadsheet.Api;

/// <summary>One route of the API: the function's name, its template under /api/, its methods, whether it needs a key, and what answers it.</summary>
public sealed record ApiRoute(string Name, string Template, IReadOnlyList<string> Methods, bool Anonymous,
    Func<ApiHandlers, HttpRequest, RouteValueDictionary, CancellationToken, Task<IResult>> Run)
{
    /// <summary>Binds, runs and guards the handler: what both hosts call for a request that matched <see cref="Template"/>.</summary>
    public Task<IResult> HandleAsync(ApiHandlers api, HttpRequest request, RouteValueDictionary values) =>
        api.GuardAsync(request, ct => Run(api, request, values, ct));

    /// <summary>The template's parameter names ("issues/{paper}/{date}" → paper, date).</summary>
    public IEnumerable<string> Parameters =>
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(Template).Parameters.Select(p => p.Name);
}

/// <summary>
/// The route table: the function app binds each route (its attributes name these constants, and a test checks every
/// attribute against this table) and the dev host maps the same table onto Kestrel. Everything is under /api/.
/// </summary>
public static class ApiRoutes
{
    // Constants, because Functions attributes take constants only.
    public const string Get = "get", Head = "head";
    public const string ListIssues = "ListIssues", ListIssuesTemplate = "issues";
    public const string GetIssue = "GetIssue", GetIssueTemplate = "issues/{paper}/{date}";
    public const string SearchArticles = "SearchArticles", SearchArticlesTemplate = "articles";
    public const string GetArticle = "GetArticle", GetArticleTemplate = "articles/{id}";
    /// <summary>Anonymous on purpose: a browser can't send a key when it navigates to a page; the page sends it to the API itself.</summary>
    public const string ReadingRoom = "ReadingRoom", ReadingRoomTemplate = "ui/{*path}";

    public const string Prefix = "api";

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        new(ListIssues, ListIssuesTemplate, [Get], false, (api, request, _, ct) => api.ListIssuesAsync(IssueListRequest.Bind(request.Query), ct)),
        new(GetIssue, GetIssueTemplate, [Get], false, (api, request, route, ct) => api.GetIssueAsync(IssueRequest.Bind(route, request.Query), ct)),
        new(SearchArticles, SearchArticlesTemplate, [Get], false, (api, request, _, ct) => api.SearchArticlesAsync(ArticleSearchRequest.Bind(request.Query), ct)),
        new(GetArticle, GetArticleTemplate, [Get], false, (api, _, route, ct) => api.GetArticleAsync(ArticleRequest.Bind(route), ct)),
        new(ReadingRoom, ReadingRoomTemplate, [Get, Head], true,
            (api, request, route, _) => Task.FromResult(api.ReadingRoom.Serve(request, route.TryGetValue("path", out var path) ? path?.ToString() : null))),
    ];

    public static ApiRoute Named(string name) => All.Single(r => r.Name == name);

    /// <summary>For a function's bound route parameters: what the dev host's router would have put in RouteValues.</summary>
    public static Task<IResult> HandleAsync(string name, ApiHandlers api, HttpRequest request, params (string Name, string? Value)[] values)
    {
        var route = new RouteValueDictionary();
        foreach (var (key, value) in values) route[key] = value;
        return Named(name).HandleAsync(api, request, route);
    }
}
