using System.Diagnostics;
using Broadsheet.Api;
using Broadsheet.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.DevHost;

/// <summary>The function app's routes (<see cref="ApiRoutes"/>) served by Kestrel under /api/, answered by the same handlers.</summary>
public static class ApiEndpoints
{
    public static void MapBroadsheetApi(this WebApplication app)
    {
        app.Use(LogRequests);
        app.Use(LoopbackHostsOnly);
        app.Use(AnswerErrorsAsJson);

        foreach (var route in ApiRoutes.All)
            app.MapMethods($"/{ApiRoutes.Prefix}/{route.Template}", route.Methods.Select(m => m.ToUpperInvariant()), Handler(route));

        // The reading room at the site's root too: the same embedded files the function app serves at /api/ui/.
        app.MapGet("/", () => Results.Redirect("/ui/"));
        var readingRoom = ApiRoutes.Named(ApiRoutes.ReadingRoom);
        app.MapMethods("/" + readingRoom.Template, readingRoom.Methods.Select(m => m.ToUpperInvariant()), Handler(readingRoom));
        app.MapFallback((HttpContext c) =>
        {
            // A path the table knows, asked with another method, is a 405 that says which methods it takes.
            var allowed = Templates.Where(t => t.Matcher.TryMatch(c.Request.Path, [])).SelectMany(t => t.Methods).Distinct().ToList();
            if (allowed.Count == 0) return ApiHandlers.Error(StatusCodes.Status404NotFound, $"no route {c.Request.Method} {c.Request.Path}");
            c.Response.Headers.Allow = string.Join(", ", allowed);
            return ApiHandlers.Error(StatusCodes.Status405MethodNotAllowed, $"{c.Request.Method} is not allowed on {c.Request.Path}; use {string.Join(" or ", allowed)}");
        });
    }

    /// <summary>Every mapped path (the table under /api/, and the reading room at the root), with its methods.</summary>
    private static readonly List<(TemplateMatcher Matcher, IEnumerable<string> Methods)> Templates =
    [
        .. ApiRoutes.All.Select(r => ($"/{ApiRoutes.Prefix}/{r.Template}", r)).Append(("/" + ApiRoutes.ReadingRoomTemplate, ApiRoutes.Named(ApiRoutes.ReadingRoom)))
            .Select(t => (new TemplateMatcher(TemplateParser.Parse(t.Item1), []), t.Item2.Methods.Select(m => m.ToUpperInvariant()))),
    ];

    /// <summary>The host names a loopback listener is reached by; any other Host header is DNS rebinding or a mistake.</summary>
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// Answers only requests addressed to localhost, 127.0.0.1 or [::1]: the sockets are loopback-only, but a page on
    /// another site could rebind its own name to 127.0.0.1 and read the API through the browser.
    /// </summary>
    private static async Task LoopbackHostsOnly(HttpContext context, RequestDelegate next)
    {
        ApiHandlers.NoSniff(context.Response);
        if (!LoopbackHosts.Contains(context.Request.Host.Host, StringComparer.OrdinalIgnoreCase))
        {
            await ApiHandlers.Error(StatusCodes.Status400BadRequest,
                $"this dev host answers only requests to localhost, 127.0.0.1 or [::1], not '{Broadsheet.Core.Layout.Chars.Clip(context.Request.Host.Value ?? "", 60)}'").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static RequestDelegate Handler(ApiRoute route) => async context =>
    {
        var result = await route.HandleAsync(context.RequestServices.GetRequiredService<ApiHandlers>(), context.Request, context.Request.RouteValues);
        await result.ExecuteAsync(context);
    };

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
                e.GetType().Name, StorageProbe.FirstLine(e.Message));
            await ApiHandlers.Error(StatusCodes.Status500InternalServerError, "internal error: " + StorageProbe.FirstLine(e.Message)).ExecuteAsync(context);
        }
    }
}
