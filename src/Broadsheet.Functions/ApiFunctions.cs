using Broadsheet.Pipeline.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Broadsheet.Functions;

/// <summary>The HTTP API (contract §3): routes and keys only; the handlers live in Broadsheet.Pipeline.</summary>
public sealed class ApiFunctions(ApiHandlers api)
{
    [Function("ListIssues")]
    public Task<IActionResult> ListIssues([HttpTrigger(AuthorizationLevel.Function, "get", Route = "issues")] HttpRequest request) =>
        api.ListIssuesAsync(request);

    [Function("GetIssue")]
    public Task<IActionResult> GetIssue([HttpTrigger(AuthorizationLevel.Function, "get", Route = "issues/{paper}/{date}")] HttpRequest request,
        string paper, string date) =>
        api.GetIssueAsync(request, paper, date);

    [Function("SearchArticles")]
    public Task<IActionResult> SearchArticles([HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles")] HttpRequest request) =>
        api.SearchArticlesAsync(request);

    [Function("GetArticle")]
    public Task<IActionResult> GetArticle([HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}")] HttpRequest request, string id) =>
        api.GetArticleAsync(request, id);
}
