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
        // The account key inside the connection string is a secret every instance shares: a fine token key.
        options.Storage.TokenKey ??= storageConnectionString;
        return services.AddPipelineServices(options,
            new TableServiceClient(storageConnectionString, BroadsheetStorage.TableClientOptions(options.Storage)),
            new BlobServiceClient(storageConnectionString, BroadsheetStorage.BlobClientOptions(options.Storage)));
    }

    /// <summary>The same, with identity-based access (managed identity in Azure: no key stored anywhere).</summary>
    /// <remarks>Set <see cref="StorageOptions.TokenKey"/> (app setting ContinuationTokenKey): without a shared secret, tokens are signed with a key anyone could derive.</remarks>
    public static IServiceCollection AddBroadsheetPipeline(this IServiceCollection services, Uri blobServiceUri, Uri tableServiceUri,
        Azure.Core.TokenCredential credential, Action<PipelineOptions>? configure = null)
    {
        var options = new PipelineOptions();
        configure?.Invoke(options);
        options.Storage.TokenKey ??= blobServiceUri.ToString();
        return services.AddPipelineServices(options,
            new TableServiceClient(tableServiceUri, credential, BroadsheetStorage.TableClientOptions(options.Storage)),
            new BlobServiceClient(blobServiceUri, credential, BroadsheetStorage.BlobClientOptions(options.Storage)));
    }

    private static IServiceCollection AddPipelineServices(this IServiceCollection services, PipelineOptions options,
        TableServiceClient tables, BlobServiceClient blobs)
    {
        var storageOptions = options.Storage;
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton(storageOptions);
        services.AddSingleton(tables);
        services.AddSingleton(blobs);
        services.AddSingleton<BroadsheetStorage>();
        services.AddSingleton<IssueStore>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<IndexStore>();
        services.AddSingleton<StagingStore>();
        services.AddSingleton(ContinuationTokens.FromSecret(storageOptions.TokenKey!));
        services.AddSingleton<QueryEngine>();

        services.TryAddSingleton<ISearchTokenizer, CjkBigramTokenizer>();
        // The real enricher (one per process: its dictionaries load once and it is thread-safe).
        services.TryAddSingleton<IArticleEnricher>(_ => new Broadsheet.Enrichment.ArticleEnricher());

        services.AddSingleton<ParseIssueActivity>();
        services.AddSingleton<EnrichArticlesActivity>();
        services.AddSingleton<PublishIssueActivity>();
        services.AddSingleton<RecordFailureActivity>();
        services.AddSingleton<ApiHandlers>();
        services.AddSingleton<UploadIntake>();
        return services;
    }
}
