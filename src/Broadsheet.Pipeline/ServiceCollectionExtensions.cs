using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Broadsheet.Core;
using Broadsheet.Core.Text;
using Broadsheet.Pipeline.Activities;
using Broadsheet.Pipeline.Http;
using Broadsheet.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Broadsheet.Pipeline;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Everything both hosts need: storage clients (SDK retries off, Polly owns the budget), stores, query engine,
    /// tokenizer, enricher, activities, HTTP handlers and the upload intake. Register your own
    /// <see cref="IArticleEnricher"/> or <see cref="ISearchTokenizer"/> first to replace the defaults.
    /// </summary>
    public static IServiceCollection AddBroadsheetPipeline(this IServiceCollection services, string storageConnectionString,
        Action<PipelineOptions>? configure = null)
    {
        var options = new PipelineOptions();
        configure?.Invoke(options);
        var storageOptions = options.Storage;
        storageOptions.TokenKey ??= storageConnectionString;

        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton(storageOptions);
        services.AddSingleton(new TableServiceClient(storageConnectionString, BroadsheetStorage.TableClientOptions(storageOptions)));
        services.AddSingleton(new BlobServiceClient(storageConnectionString, BroadsheetStorage.BlobClientOptions(storageOptions)));
        services.AddSingleton<BroadsheetStorage>();
        services.AddSingleton<IssueStore>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<IndexStore>();
        services.AddSingleton<StagingStore>();
        services.AddSingleton(ContinuationTokens.FromSecret(storageOptions.TokenKey));
        services.AddSingleton<QueryEngine>();

        services.TryAddSingleton<ISearchTokenizer, CjkBigramTokenizer>();
        services.TryAddSingleton<IArticleEnricher, InterimEnricher>();

        services.AddSingleton<ParseIssueActivity>();
        services.AddSingleton<EnrichArticlesActivity>();
        services.AddSingleton<PublishIssueActivity>();
        services.AddSingleton<RecordFailureActivity>();
        services.AddSingleton<ApiHandlers>();
        services.AddSingleton<UploadIntake>();
        return services;
    }
}
