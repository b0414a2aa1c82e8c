using System.Net;
using System.Text.Json;
using Broadsheet.Storage;

namespace Broadsheet.Cli.Commands;

/// <summary>A thin GET-only client for the Broadsheet HTTP API; failures become one <see cref="CliFailure"/> line.</summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient http;
    public Uri BaseUri { get; }

    public ApiClient(Uri baseUri, string? functionKey, TimeSpan? timeout = null)
    {
        BaseUri = baseUri;
        http = new HttpClient { BaseAddress = baseUri, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        // Deployed function apps want a key (AuthorizationLevel.Function); the dev host ignores it.
        if (functionKey is not null) http.DefaultRequestHeaders.Add("x-functions-key", functionKey);
    }

    /// <summary>From the --api and --key options (or their environment fallbacks).</summary>
    public static ApiClient From(string? api, string? key) => new(Endpoints.Api(api), Endpoints.FunctionKey(key));

    /// <summary>GETs a path relative to the API root (`articles?q=…`) and returns the raw JSON body.</summary>
    public async Task<string> GetStringAsync(string relative, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(relative, ct);
        }
        catch (HttpRequestException e)
        {
            throw new CliFailure(Unreachable(e));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new CliFailure($"{Display} did not answer within {http.Timeout.TotalSeconds:0} s");
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode) return body;
            var reason = ErrorText(body) ?? response.ReasonPhrase ?? "";
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden when !HasKey =>
                    new CliFailure($"{Display} wants a function key ({(int)response.StatusCode}): pass --key KEY or set BROADSHEET_FUNCTION_KEY"),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    new CliFailure($"{Display} refused the function key ({(int)response.StatusCode}): check --key or BROADSHEET_FUNCTION_KEY"),
                HttpStatusCode.NotFound when reason.Length == 0 =>
                    new CliFailure($"{Display}{relative.Split('?')[0]} does not exist (404)"),
                _ => new CliFailure($"{Display} answered {(int)response.StatusCode}: {StorageProbe.FirstLine(reason)}"),
            };
        }
    }

    public async Task<JsonDocument> GetJsonAsync(string relative, CancellationToken ct)
    {
        var body = await GetStringAsync(relative, ct);
        try { return JsonDocument.Parse(body); }
        catch (JsonException) { throw new CliFailure($"{Display} answered with something that is not JSON"); }
    }

    /// <summary>Every item of a paged list (`{ items, continuationToken }`), following continuation tokens.</summary>
    public async Task<List<JsonElement>> GetAllItemsAsync(string path, int pageSize, CancellationToken ct)
    {
        var all = new List<JsonElement>();
        string? token = null;
        do
        {
            var relative = $"{path}?top={pageSize}" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            using var doc = await GetJsonAsync(relative, ct);
            all.AddRange(QueryCommand.Items(doc.RootElement).Select(e => e.Clone()));
            token = QueryCommand.Str(doc.RootElement, "continuationToken");
        } while (token is not null);
        return all;
    }

    private string Display => BaseUri.ToString().TrimEnd('/');

    private bool HasKey => http.DefaultRequestHeaders.Contains("x-functions-key");

    /// <summary>
    /// What failed before any HTTP answer: nothing listening on this machine is most likely the dev host not running;
    /// for anything else, say which step failed (DNS, TLS, the connection) so a remote URL can be fixed.
    /// </summary>
    private string Unreachable(HttpRequestException e)
    {
        var detail = StorageProbe.FirstLine(e.InnerException?.Message ?? e.Message);
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"cannot reach {Display}: the host name {BaseUri.Host} does not resolve (DNS)",
            HttpRequestError.SecureConnectionError => $"cannot reach {Display}: the TLS handshake failed ({detail})",
            HttpRequestError.ConnectionError when BaseUri.IsLoopback => $"cannot reach {Display} — is `broadsheet serve` running?",
            HttpRequestError.ConnectionError => $"cannot reach {Display}: no connection to {BaseUri.Host}:{BaseUri.Port} ({detail})",
            _ => $"cannot reach {Display}: {StorageProbe.FirstLine(e.Message)}",
        };
    }

    /// <summary>The `error` (or `message`/`title`) of a JSON error body, if there is one.</summary>
    private static string? ErrorText(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.String) return doc.RootElement.GetString();
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var name in new[] { "error", "message", "title", "detail" })
                if (doc.RootElement.TryGetProperty(name, out var v))
                    return v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText();
            return null;
        }
        catch (JsonException)
        {
            return string.IsNullOrWhiteSpace(body) ? null : body;
        }
    }

    public void Dispose() => http.Dispose();
}
