using Azure;
using Azure.Storage.Blobs;

namespace Broadsheet.Storage;

/// <summary>Storage that cannot be used; the message is the one line the user sees.</summary>
public sealed class StorageUnreachableException(string message) : Exception(message);

/// <summary>Opens the upload container for a command-line tool and turns every way that can fail into one line for the user.</summary>
public static class StorageProbe
{
    /// <summary>A client that fails fast: the probe is about "is it there", not about riding out throttling.</summary>
    public static BlobServiceClient CreateClient(string connectionString, int maxRetries = 2)
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = maxRetries;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(15);
        try
        {
            return new BlobServiceClient(connectionString, options);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new StorageUnreachableException($"not a storage connection string ({FirstLine(e.Message)}) — pass --storage or set AzureWebJobsStorage");
        }
    }

    /// <summary>Creates the container when missing; throws <see cref="StorageUnreachableException"/> when storage can't be reached.</summary>
    public static async Task<BlobContainerClient> OpenUploadContainerAsync(BlobServiceClient service, CancellationToken ct)
    {
        var container = service.GetBlobContainerClient(StorageOptions.DefaultUploadContainer);
        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken: ct);
            return container;
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException or TimeoutException)
        {
            throw new StorageUnreachableException(Describe(service.Uri, e));
        }
    }

    public static string Describe(Uri endpoint, Exception e)
    {
        var root = e is AggregateException a ? a.Flatten().InnerExceptions[0] : e;
        var hint = endpoint.Host is "127.0.0.1" or "localhost"
            ? " — is Azurite running? (`npx azurite --location .azurite` or ./scripts/demo.sh)"
            : "";
        return root switch
        {
            RequestFailedException { Status: 403 } => $"storage at {endpoint} refused the credentials (403) — check the connection string",
            RequestFailedException { Status: > 0 } r => $"storage at {endpoint} answered {r.Status} {r.ErrorCode}: {FirstLine(r.Message)}",
            _ => $"cannot reach storage at {endpoint}{hint}",
        };
    }

    public static string FirstLine(string s)
    {
        var i = s.IndexOfAny(['\r', '\n']);
        return (i < 0 ? s : s[..i]).Trim();
    }
}
