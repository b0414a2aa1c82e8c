using Broadsheet.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Broadsheet.Functions;

/// <summary>
/// The HTTP API (docs/contract.md §3): bindings only. Names, routes and methods are the
/// constants of <see cref="ApiRoutes"/>, and each function hands its request to the route of the same name.
/// </summary>
public sealed class ApiFunctions(ApiHandlers api)
{
    [Function(ApiRoutes.ListIssues)]
    public Task<IResult> ListIssues([HttpTrigger(AuthorizationLevel.Function, ApiRoutes.Get, Route = ApiRoutes.ListIssuesTemplate)] HttpRequest request) =>
        ApiRoutes.HandleAsync(ApiRoutes.ListIssues, api, request);

    [Function(ApiRoutes.GetIssue)]
    public Task<IResult> GetIssue([HttpTrigger(AuthorizationLevel.Function, ApiRoutes.Get, Route = ApiRoutes.GetIssueTemplate)] HttpRequest request,
        string paper, string date) =>
        ApiRoutes.HandleAsync(ApiRoutes.GetIssue, api, request, (nameof(paper), paper), (nameof(date), date));

    [Function(ApiRoutes.SearchArticles)]
    public Task<IResult> SearchArticles([HttpTrigger(AuthorizationLevel.Function, ApiRoutes.Get, Route = ApiRoutes.SearchArticlesTemplate)] HttpRequest request) =>
        ApiRoutes.HandleAsync(ApiRoutes.SearchArticles, api, request);

    [Function(ApiRoutes.GetArticle)]
    public Task<IResult> GetArticle([HttpTrigger(AuthorizationLevel.Function, ApiRoutes.Get, Route = ApiRoutes.GetArticleTemplate)] HttpRequest request,
        string id) =>
        ApiRoutes.HandleAsync(ApiRoutes.GetArticle, api, request, (nameof(id), id));
}
