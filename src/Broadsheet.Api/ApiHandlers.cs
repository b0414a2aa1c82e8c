using System.Text.Json;
using System.Text.Json.Serialization;
using Broadsheet.Core.Model;
using Broadsheet.Search;
using Broadsheet.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Api;

/// <summary>An issue as GET /api/issues lists it: every upload, failed ones with their reason.</summary>
public record IssueSummary(string? Paper, string? Date, int Pages, int Articles, int Unassigned, string? Status, string? Error,
    string? Blob, DateTimeOffset Updated, string? Version)
{
    public static IssueSummary Of(IssueEntity row) =>
        new(row.Paper, row.Date, row.Pages, row.Articles, row.Unassigned, row.Status, row.Error, row.Blob, row.Updated, row.CurrentVersion);
}

/// <summary>One issue with a page of its current article list (GET /api/issues/{paper}/{date}), and the token for the next page.</summary>
public sealed record IssueDetail(string? Paper, string? Date, int Pages, int Articles, int Unassigned, string? Status, string? Error,
    string? Blob, DateTimeOffset Updated, string? Version, IReadOnlyList<ArticleSummary> ArticleList, string? ContinuationToken)
    : IssueSummary(Paper, Date, Pages, Articles, Unassigned, Status, Error, Blob, Updated, Version);

/// <summary>An article in an issue's list: what identifies it; the whole article is at /api/articles/{id}.</summary>
public sealed record ArticleSummary(string? Id, int? Page, List<int>? Pages, string? Kind, string? Kicker, string? Title, string? Subtitle,
    string? Column, List<Byline>? Byline);

/// <summary>A page of a list, and the token for the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);

/// <summary>Every error the API answers: one line.</summary>
public sealed record ApiError(string Error);

/// <summary>
/// The HTTP API (docs/contract.md §3) as plain methods over request records, answering with TypedResults; the
/// function app and the dev host reach them through <see cref="ApiRoutes"/>. Bad parameters get a 400 with one line
/// saying what is wrong; storage trouble that outlasted the retries a 503, logged with its details; never a stack trace.
/// </summary>
public sealed class ApiHandlers(QueryEngine engine, IssueStore issues, ArticleStore articles, ContinuationTokens tokens,
    ReadingRoomHandler readingRoom, ILogger<ApiHandlers> log)
{
    public ReadingRoomHandler ReadingRoom => readingRoom;

    public async Task<IResult> ListIssuesAsync(IssueListRequest request, CancellationToken ct)
    {
        var fingerprint = request.Fingerprint();
        var token = request.ContinuationToken is { } t ? tokens.Read(t, fingerprint) : null;
        var (rows, next) = await issues.ListAsync(request.Paper, request.From, request.To, request.Status, request.Top, token, ct);
        return Json(new Page<IssueSummary>(rows.Select(IssueSummary.Of).ToList(), next is null ? null : tokens.Create(fingerprint, next)));
    }

    public async Task<IResult> GetIssueAsync(IssueRequest request, CancellationToken ct)
    {
        var row = await issues.GetAsync(request.Key, ct);
        if (row is null) return Error(StatusCodes.Status404NotFound, $"no issue {request.Paper} {request.Date}");
        // The token holds the version and the next position: a page never mixes two versions of the issue.
        var fingerprint = request.Fingerprint();
        var from = 0;
        if (request.ContinuationToken is { } token)
        {
            var position = tokens.Read(token, fingerprint).Split('|');
            if (position is not [var version, var at] || version != row.CurrentVersion || !int.TryParse(at, out from) || from < 0)
                throw new QueryException("the issue changed since the first page (or the continuationToken is not valid for it); start again without one");
        }
        var list = row.CurrentVersion is null ? [] : await articles.ListSummariesAsync(request.Key, row.CurrentVersion, from, request.Top, ct);
        var next = row.CurrentVersion is not null && list.Count == request.Top && from + request.Top < row.Articles
            ? tokens.Create(fingerprint, $"{row.CurrentVersion}|{from + request.Top}")
            : null;
        var s = IssueSummary.Of(row);
        return Json(new IssueDetail(s.Paper, s.Date, s.Pages, s.Articles, s.Unassigned, s.Status, s.Error, s.Blob, s.Updated, s.Version,
            list.Select(summary => JsonSerializer.Deserialize<ArticleSummary>(summary, ApiJson.Options)!).ToList(), next));
    }

    public async Task<IResult> SearchArticlesAsync(ArticleQuery query, CancellationToken ct)
    {
        var page = await engine.SearchAsync(query, ct);
        return Json(new Page<RawJson>(page.Items.Select(json => new RawJson(json)).ToList(), page.ContinuationToken));
    }

    public async Task<IResult> GetArticleAsync(ArticleRequest request, CancellationToken ct)
    {
        var row = await issues.GetAsync(request.Id.Issue, ct);
        var json = row?.CurrentVersion is { } version ? await articles.GetJsonAsync(request.Id, version, ct) : null;
        if (json is null) return Error(StatusCodes.Status404NotFound, $"no article {QueryParameters.Clip(request.Id.ToString())}");
        return TypedResults.Text(json, ApiJson.ContentType);
    }

    /// <summary>Runs a handler: a refused request is a 400 with its one line, storage that stayed down a 503.</summary>
    public async Task<IResult> GuardAsync(HttpRequest request, Func<CancellationToken, Task<IResult>> handle)
    {
        NoSniff(request.HttpContext.Response);
        try
        {
            return await handle(request.HttpContext.RequestAborted);
        }
        catch (QueryException e)
        {
            log.LogInformation("400 {Path}{Query}: {Message}", request.Path, request.QueryString, e.Message);
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or Polly.Timeout.TimeoutRejectedException or HttpRequestException)
        {
            log.LogError(e, "Storage unavailable for {Path}{Query}", request.Path, request.QueryString);
            return Error(StatusCodes.Status503ServiceUnavailable, "storage is unavailable right now; try again shortly");
        }
    }

    public static IResult Error(int status, string message) => Json(new ApiError(message), status);

    /// <summary>Browsers take every answer as the type it says it is (JSON stays JSON), never sniffing it into a page.</summary>
    public static void NoSniff(HttpResponse response) => response.Headers.XContentTypeOptions = "nosniff";

    private static IResult Json<T>(T body, int status = StatusCodes.Status200OK) =>
        TypedResults.Json(body, ApiJson.Options, ApiJson.ContentType, status);
}
