using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Broadsheet.Core;
using Broadsheet.Core.Text;
using Broadsheet.Enrichment;
using Broadsheet.Enrichment.Lexicon;
using Broadsheet.Search;
using Broadsheet.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Broadsheet.Ingestion;

public static class IngestionServices
{
    /// <summary>
    /// What ingestion needs, in any host: storage clients (SDK retries off, Polly owns the budget), the stores and
    /// the search index's storage side, tokenizer, enricher, the activities and the upload intake. The HTTP API adds
    /// its handlers on top (AddBroadsheetApi). Register your own <see cref="IArticleEnricher"/> or
    /// <see cref="ISearchTokenizer"/> first to replace the defaults.
    /// </summary>
    public static IServiceCollection AddBroadsheetIngestion(this IServiceCollection services, string storageConnectionString,
        Action<IngestionOptions>? configure = null)
    {
        var options = new IngestionOptions();
        configure?.Invoke(options);
        // The account key inside the connection string is a secret every instance shares: a fine token key.
        options.Storage.TokenKey ??= storageConnectionString;
        return services.AddServices(options,
            new TableServiceClient(storageConnectionString, BroadsheetStorage.TableClientOptions(options.Storage)),
            new BlobServiceClient(storageConnectionString, BroadsheetStorage.BlobClientOptions(options.Storage)));
    }

    /// <summary>The same, with identity-based access (managed identity in Azure: no key stored anywhere).</summary>
    /// <remarks>Set <see cref="StorageOptions.TokenKey"/> (app setting ContinuationTokenKey): without a shared secret, tokens are signed with a key anyone could derive.</remarks>
    public static IServiceCollection AddBroadsheetIngestion(this IServiceCollection services, Uri blobServiceUri, Uri tableServiceUri,
        Azure.Core.TokenCredential credential, Action<IngestionOptions>? configure = null)
    {
        var options = new IngestionOptions();
        configure?.Invoke(options);
        options.Storage.TokenKey ??= blobServiceUri.ToString();
        return services.AddServices(options,
            new TableServiceClient(tableServiceUri, credential, BroadsheetStorage.TableClientOptions(options.Storage)),
            new BlobServiceClient(blobServiceUri, credential, BroadsheetStorage.BlobClientOptions(options.Storage)));
    }

    private static IServiceCollection AddServices(this IServiceCollection services, IngestionOptions options,
        TableServiceClient tables, BlobServiceClient blobs)
    {
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton(options.Storage);
        services.AddSingleton(tables);
        services.AddSingleton(blobs);

        // Storage, and the search index's storage side (Broadsheet.Search reads it through these interfaces).
        services.AddSingleton<BroadsheetStorage>();
        services.AddSingleton<IssueStore>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<IndexStore>();
        services.AddSingleton<StagingStore>();
        services.AddSingleton<CurrentVersions>();
        services.AddSingleton<IPostingIndex>(sp => sp.GetRequiredService<IndexStore>());
        services.AddSingleton<IIssueVersions>(sp => sp.GetRequiredService<CurrentVersions>());
        services.AddSingleton<IArticleDocuments>(sp => sp.GetRequiredService<ArticleStore>());

        // One lexicon per process: the enricher and the search tokenizer cut text with the same dictionary.
        services.TryAddSingleton(_ => NewsroomLexicon.Shared);
        services.TryAddSingleton<ISearchTokenizer, LexiconSearchTokenizer>();
        services.TryAddSingleton<IArticleEnricher>(sp => new ArticleEnricher(sp.GetRequiredService<NewsroomLexicon>()));

        services.AddActivities();
        services.AddSingleton<UploadIntake>();
        // Both hosts sweep stuck uploads: the function app on a timer, the dev host from its watcher.
        services.AddSingleton<StuckUploadSweep>();
        return services;
    }
}
