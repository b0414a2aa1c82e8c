using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Api.Tests;

/// <summary>The reading room's static-file handler, its results executed as the hosts execute them (over a DefaultHttpContext).</summary>
public sealed class ReadingRoomHandlerTests
{
    private const string Page = "<!doctype html><script type=\"module\" src=\"./assets/index-abc.js\"></script>";
    private const string Script = "console.log('读');";

    private static readonly ReadingRoomHandler Built = new(new Dictionary<string, byte[]>
    {
        ["index.html"] = Encoding.UTF8.GetBytes(Page),
        ["assets/index-abc.js"] = Encoding.UTF8.GetBytes(Script),
        ["assets/index-abc.css"] = Encoding.UTF8.GetBytes("body{}"),
    });

    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    private static async Task<HttpResponse> ServeAsync(ReadingRoomHandler handler, string requestPath, string? path,
        string method = "GET", string query = "", string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = method;
        context.Request.PathBase = "/api";
        context.Request.Path = requestPath;
        context.Request.QueryString = new QueryString(query);
        if (ifNoneMatch is not null) context.Request.Headers.IfNoneMatch = ifNoneMatch;
        context.Response.Body = new MemoryStream();
        var result = handler.Serve(context.Request, path);
        await result.ExecuteAsync(context);
        return context.Response;
    }

    private static string Body(HttpResponse response) => Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray());

    [Fact]
    public async Task The_page_is_served_at_the_ui_root_as_html_that_is_revalidated_and_locked_down()
    {
        var response = await ServeAsync(Built, "/ui/", null);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Equal(Page, Body(response));
        Assert.Equal("no-cache", response.Headers.CacheControl.ToString());
        Assert.Contains("script-src 'self'", response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
    }

    [Fact]
    public async Task Without_the_trailing_slash_the_page_redirects_so_relative_asset_urls_resolve_under_ui()
    {
        var response = await ServeAsync(Built, "/ui", "", query: "?x=1");

        Assert.Equal(302, response.StatusCode);
        Assert.Equal("/api/ui/?x=1", response.Headers.Location.ToString());
    }

    [Fact]
    public async Task Hashed_assets_get_their_content_type_and_are_cached_for_good()
    {
        var script = await ServeAsync(Built, "/ui/assets/index-abc.js", "assets/index-abc.js");
        var style = await ServeAsync(Built, "/ui/assets/index-abc.css", "assets/index-abc.css");

        Assert.Equal(200, script.StatusCode);
        Assert.Equal("text/javascript; charset=utf-8", script.ContentType);
        Assert.Equal(Script, Body(script));
        Assert.Equal("public, max-age=31536000, immutable", script.Headers.CacheControl.ToString());
        Assert.Equal("text/css; charset=utf-8", style.ContentType);
        Assert.True(string.IsNullOrEmpty(style.Headers.ContentSecurityPolicy));
    }

    [Theory]
    [InlineData("assets/missing.js")]
    [InlineData("../Broadsheet.Api.dll")]
    [InlineData("assets/../../appsettings.json")]
    public async Task Anything_outside_the_bundle_is_a_404_with_one_line(string path)
    {
        var response = await ServeAsync(Built, "/ui/" + path, path);

        Assert.Equal(404, response.StatusCode);
        Assert.StartsWith("text/plain", response.ContentType);
        Assert.Single(Body(response).TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task A_conditional_request_with_the_current_etag_gets_304_and_no_body()
    {
        var first = await ServeAsync(Built, "/ui/", null);
        var etag = first.Headers.ETag.ToString();
        Assert.False(string.IsNullOrEmpty(etag));

        var again = await ServeAsync(Built, "/ui/", null, ifNoneMatch: etag);

        Assert.Equal(304, again.StatusCode);
        Assert.Equal("", Body(again));
    }

    [Fact]
    public async Task Head_gets_the_headers_without_the_body()
    {
        var response = await ServeAsync(Built, "/ui/", null, method: "HEAD");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(Page.Length, response.ContentLength);
        Assert.Equal("", Body(response));
    }

    [Fact]
    public async Task An_app_built_without_the_bundle_answers_503_saying_how_to_build_it()
    {
        var empty = new ReadingRoomHandler(new Dictionary<string, byte[]>());

        var response = await ServeAsync(empty, "/ui/", null);

        Assert.False(empty.IsBuilt);
        Assert.Equal(503, response.StatusCode);
        Assert.Contains("npm run build:web", Body(response));
    }
}
