using Broadsheet.Api;
using Broadsheet.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.DevHost.Tests;

/// <summary>The dev host serves the function app's routes: it maps the same table, under the same /api/ prefix.</summary>
public sealed class ApiEndpointsTests
{
    [Fact]
    public async Task Every_route_of_the_table_is_mapped_under_api_with_its_methods()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Nothing is called: the storage clients are only built, never used.
        builder.Services.AddBroadsheetIngestion("UseDevelopmentStorage=true").AddBroadsheetApi();
        builder.Services.AddRouting();
        await using var app = builder.Build();

        app.MapBroadsheetApi();

        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        foreach (var route in ApiRoutes.All)
        {
            var endpoint = Assert.Single(endpoints, e => e.RoutePattern.RawText == $"/api/{route.Template}");
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods;
            Assert.Equal(route.Methods.Select(m => m.ToUpperInvariant()), methods);
        }
    }

    [Fact]
    public async Task Another_host_name_a_wrong_method_or_an_unknown_path_gets_a_json_error_and_every_answer_says_nosniff()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddBroadsheetIngestion("UseDevelopmentStorage=true").AddBroadsheetApi();
        builder.Services.AddRouting();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapBroadsheetApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        async Task<(int Status, string Body, HttpResponseMessage Response)> Send(HttpMethod method, string path, string? host = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (host is not null) request.Headers.Host = host;
            var response = await http.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
        }

        // DNS rebinding: a page on evil.example whose name now points at 127.0.0.1.
        var rebound = await Send(HttpMethod.Get, "/api/ui/", "evil.example");
        Assert.Equal(400, rebound.Status);
        Assert.Contains("\"error\"", rebound.Body);
        foreach (var host in new[] { "localhost", "127.0.0.1", "[::1]" })
            Assert.NotEqual(400, (await Send(HttpMethod.Get, "/api/ui/", host + ":7071")).Status);

        var post = await Send(HttpMethod.Post, "/api/issues");
        Assert.Equal(405, post.Status);
        Assert.Equal("GET", string.Join(",", post.Response.Content.Headers.Allow));
        Assert.StartsWith("{\"error\":\"POST is not allowed on /api/issues", post.Body);
        var unknown = await Send(HttpMethod.Get, "/api/nothing-here");
        Assert.Equal(404, unknown.Status);
        Assert.StartsWith("{\"error\":\"no route", unknown.Body);

        foreach (var answer in new[] { rebound, post, unknown })
            Assert.Equal("nosniff", string.Join(",", answer.Response.Headers.GetValues("X-Content-Type-Options")));
        await app.StopAsync();
    }
}
