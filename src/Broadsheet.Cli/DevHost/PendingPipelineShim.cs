// TEMPORARY: stands in for the pipeline branch's public API until it lands; deleted at `git merge pipeline`.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Pipeline
{
    public static class ServiceCollectionExtensions
    {
        public static IServiceCollection AddBroadsheetPipeline(this IServiceCollection services, string storageConnectionString)
        {
            services.AddSingleton<UploadIntake>();
            services.AddSingleton<Http.ApiHandlers>();
            return services;
        }
    }

    public static class IngestOrchestrator { public const string Name = "IngestIssue"; }

    public static class DurableRegistration
    {
        public static DurableTaskRegistry AddBroadsheetTasks(this DurableTaskRegistry registry, IServiceProvider services) => registry;
    }

    public sealed record IntakeResult(string InstanceId, bool Scheduled);
    public sealed record UnfinishedUpload(string Container, string BlobName);

    public sealed class UploadIntake
    {
        public Task<IntakeResult> OnBlobAsync(string containerName, string blobName, DurableTaskClient client, CancellationToken ct) =>
            Task.FromResult(new IntakeResult(blobName, false));
        public Task<IReadOnlyList<UnfinishedUpload>> UnfinishedUploadsAsync() => Task.FromResult<IReadOnlyList<UnfinishedUpload>>([]);
    }
}

namespace Broadsheet.Pipeline.Http
{
    public sealed class ApiHandlers
    {
        public Task<IActionResult> ListIssuesAsync(HttpRequest request) => Task.FromResult<IActionResult>(new OkObjectResult(new { items = Array.Empty<object>() }));
        public Task<IActionResult> GetIssueAsync(HttpRequest request, string paper, string date) => Task.FromResult<IActionResult>(new NotFoundResult());
        public Task<IActionResult> SearchArticlesAsync(HttpRequest request) => Task.FromResult<IActionResult>(new OkObjectResult(new { items = Array.Empty<object>() }));
        public Task<IActionResult> GetArticleAsync(HttpRequest request, string id) => Task.FromResult<IActionResult>(new NotFoundResult());
    }
}
