using Broadsheet.Search;
using Broadsheet.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Api;

public static class ApiServices
{
    /// <summary>
    /// The API's handlers and the query engine, on top of what AddBroadsheetIngestion registered (storage and the
    /// search index's storage side). Continuation tokens are signed with <see cref="StorageOptions.TokenKey"/>.
    /// </summary>
    public static IServiceCollection AddBroadsheetApi(this IServiceCollection services)
    {
        services.AddSingleton(sp => ContinuationTokens.FromSecret(sp.GetRequiredService<StorageOptions>().TokenKey
            ?? throw new InvalidOperationException("StorageOptions.TokenKey is not set: register AddBroadsheetIngestion first")));
        services.AddSingleton<QueryEngine>();
        services.AddSingleton(ReadingRoomHandler.Embedded);
        services.AddSingleton<ApiHandlers>();
        return services;
    }
}
