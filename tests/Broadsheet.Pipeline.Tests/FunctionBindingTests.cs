using System.Reflection;
using Broadsheet.Functions;
using Broadsheet.Pipeline.Activities;
using Microsoft.Azure.Functions.Worker;

namespace Broadsheet.Pipeline.Tests;

/// <summary>The function app must bind exactly the names the pipeline registers with Durable (the dev host and tests use those).</summary>
public sealed class FunctionBindingTests
{
    private static readonly MethodInfo[] Functions = [.. typeof(IngestFunctions).GetMethods(), .. typeof(ApiFunctions).GetMethods()];

    private static MethodInfo Function(string name) =>
        Assert.Single(Functions, m => m.GetCustomAttribute<FunctionAttribute>()?.Name == name);

    [Fact]
    public void Every_registered_task_has_its_function()
    {
        Assert.Single(Function(IngestOrchestrator.Name).GetParameters(), p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null);
        foreach (var name in new[] { ParseIssueActivity.Name, EnrichArticlesActivity.Name, PublishIssueActivity.Name, RecordFailureActivity.Name })
            Assert.Single(Function(name).GetParameters(), p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);
    }

    [Fact]
    public void Blob_trigger_listens_to_issues_through_event_grid()
    {
        var trigger = Function("OnIssueUploaded").GetParameters().Select(p => p.GetCustomAttribute<BlobTriggerAttribute>()).OfType<BlobTriggerAttribute>().Single();
        Assert.Equal("issues/{name}", trigger.BlobPath);
        Assert.Equal(BlobTriggerSource.EventGrid, trigger.Source);
        Assert.Equal("IssueStorage", trigger.Connection);
    }

    [Theory]
    [InlineData("ListIssues", "issues")]
    [InlineData("GetIssue", "issues/{paper}/{date}")]
    [InlineData("SearchArticles", "articles")]
    [InlineData("GetArticle", "articles/{id}")]
    public void Http_routes_need_a_function_key(string name, string route)
    {
        var trigger = Function(name).GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().Single();
        Assert.Equal(route, trigger.Route);
        Assert.Equal(AuthorizationLevel.Function, trigger.AuthLevel);
        Assert.Equal(["get"], trigger.Methods!);
    }
}
