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
}
