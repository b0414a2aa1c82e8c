using System.Diagnostics;
using Broadsheet.Pipeline.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Cli.DevHost;

/// <summary>The function app's HTTP routes, served by Kestrel and answered by the same <see cref="ApiHandlers"/>.</summary>
public static class ApiRoutes
{
    public static void Map(WebApplication app)
    {
        app.Use(LogRequests);
        app.Use(AnswerErrorsAsJson);

        app.MapGet("/api/issues", Handle((h, c) => h.ListIssuesAsync(c.Request)));
        app.MapGet("/api/issues/{paper}/{date}", Handle((h, c) => h.GetIssueAsync(c.Request, Route(c, "paper"), Route(c, "date"))));
        app.MapGet("/api/articles", Handle((h, c) => h.SearchArticlesAsync(c.Request)));
        app.MapGet("/api/articles/{id}", Handle((h, c) => h.GetArticleAsync(c.Request, Route(c, "id"))));

        // The reading room: the same embedded files the function app serves at /api/ui/ (here at /ui/ too).
        app.MapGet("/", () => Results.Redirect("/ui/"));
        app.MapMethods("/ui/{*path}", ["GET", "HEAD"], ReadingRoom);
        app.MapMethods("/api/ui/{*path}", ["GET", "HEAD"], ReadingRoom);
        app.MapFallback((HttpContext c) => Json(c, StatusCodes.Status404NotFound, $"no route {c.Request.Method} {c.Request.Path}"));
    }

    /// <summary>Runs a handler and executes its IActionResult with MVC core, as the Functions ASP.NET Core integration does.</summary>
    private static RequestDelegate Handle(Func<ApiHandlers, HttpContext, Task<IActionResult>> handler) => async context =>
    {
        var result = await handler(context.RequestServices.GetRequiredService<ApiHandlers>(), context);
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    };

    private static Task ReadingRoom(HttpContext context) =>
        ReadingRoomHandler.Embedded.Serve(context.Request, Route(context, "path"))
            .ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));

    private static string Route(HttpContext context, string name) => context.GetRouteValue(name)?.ToString() ?? "";

    /// <summary>One structured line per request: method, path, status, milliseconds.</summary>
    private static async Task LogRequests(HttpContext context, RequestDelegate next)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await next(context);
        }
        finally
        {
            var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Broadsheet.DevHost.Http");
            log.LogInformation("{Method} {Path}{Query} {Status} {ElapsedMs:0.0} ms",
                context.Request.Method, context.Request.Path.Value, context.Request.QueryString.Value,
                context.Response.StatusCode, clock.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>A handler that throws gives a 500 with one line of JSON, and one warning in the log — never a stack trace.</summary>
    private static async Task AnswerErrorsAsJson(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Broadsheet.DevHost.Http");
            log.LogWarning("{Method} {Path} failed: {Error}: {Reason}", context.Request.Method, context.Request.Path.Value,
                e.GetType().Name, Commands.StorageProbe.FirstLine(e.Message));
            await Json(context, StatusCodes.Status500InternalServerError, "internal error: " + Commands.StorageProbe.FirstLine(e.Message));
        }
    }

    private static Task Json(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error });
    }
}
