using System.Reflection;
using Broadsheet.Api;
using Broadsheet.Functions;
using Broadsheet.Ingestion;
using Microsoft.Azure.Functions.Worker;

namespace Broadsheet.Functions.Tests;

/// <summary>
/// The function app binds exactly what the one lists define: every route of <see cref="ApiRoutes"/> and every activity of
/// <see cref="IngestTasks"/> (which the dev host and the tests register with their local engines), and nothing else.
/// </summary>
public sealed class FunctionBindingTests
{
    private static readonly MethodInfo[] Functions =
    [
        .. typeof(IngestFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null),
    ];

    private static MethodInfo Function(string name) =>
        Assert.Single(Functions, m => m.GetCustomAttribute<FunctionAttribute>()!.Name == name);

    private static T? Trigger<T>(MethodInfo function) where T : Attribute =>
        function.GetParameters().Select(p => p.GetCustomAttribute<T>()).OfType<T>().SingleOrDefault();

    [Fact]
    public void The_orchestrator_and_every_activity_of_the_list_have_their_function()
    {
        Assert.NotNull(Trigger<OrchestrationTriggerAttribute>(Function(IngestOrchestrator.Name)));
        foreach (var activity in IngestTasks.Activities)
        {
            var function = Function(activity.Name);
            var input = Assert.Single(function.GetParameters(), p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);
            Assert.Equal(activity.Input, input.ParameterType);
            Assert.Equal(typeof(Task<>).MakeGenericType(activity.Output), function.ReturnType);
        }
    }

    [Fact]
    public void No_activity_function_is_missing_from_the_list()
    {
        var bound = Functions.Where(f => Trigger<ActivityTriggerAttribute>(f) is not null).Select(f => f.GetCustomAttribute<FunctionAttribute>()!.Name);
        Assert.Equal(IngestTasks.Activities.Select(a => a.Name).Order(), bound.Order());
    }

    [Fact]
    public void Blob_trigger_listens_to_issues_through_event_grid()
    {
        var trigger = Trigger<BlobTriggerAttribute>(Function("OnIssueUploaded"))!;
        Assert.Equal("issues/{name}", trigger.BlobPath);
        Assert.Equal(BlobTriggerSource.EventGrid, trigger.Source);
        Assert.Equal("IssueStorage", trigger.Connection);
    }

    [Fact]
    public void Every_http_function_is_a_route_of_the_table_with_its_template_methods_and_key()
    {
        var http = Functions.Where(f => Trigger<HttpTriggerAttribute>(f) is not null).ToList();
        Assert.Equal(ApiRoutes.All.Select(r => r.Name).Order(), http.Select(f => f.GetCustomAttribute<FunctionAttribute>()!.Name).Order());
        foreach (var route in ApiRoutes.All)
        {
            var function = Function(route.Name);
            var trigger = Trigger<HttpTriggerAttribute>(function)!;
            Assert.Equal(route.Template, trigger.Route);
            Assert.Equal(route.Methods, trigger.Methods!);
            Assert.Equal(route.Anonymous ? AuthorizationLevel.Anonymous : AuthorizationLevel.Function, trigger.AuthLevel);
            // The route's parameters are bound by name, so the method must take each of them.
            var bound = function.GetParameters().Where(p => p.GetCustomAttribute<HttpTriggerAttribute>() is null).Select(p => p.Name);
            Assert.Equal(route.Parameters.Order(), bound.Order());
        }
    }

    [Fact]
    public void The_contract_routes_need_a_function_key_and_only_the_reading_room_is_anonymous()
    {
        foreach (var (name, template) in new[] { ("ListIssues", "issues"), ("GetIssue", "issues/{paper}/{date}"), ("SearchArticles", "articles"), ("GetArticle", "articles/{id}") })
        {
            var trigger = Trigger<HttpTriggerAttribute>(Function(name))!;
            Assert.Equal(template, trigger.Route);
            Assert.Equal(AuthorizationLevel.Function, trigger.AuthLevel);
            Assert.Equal(["get"], trigger.Methods!);
        }
        var room = Trigger<HttpTriggerAttribute>(Function("ReadingRoom"))!;
        Assert.Equal("ui/{*path}", room.Route);
        Assert.Equal(AuthorizationLevel.Anonymous, room.AuthLevel);
        Assert.Equal(["get", "head"], room.Methods!);
    }
}
