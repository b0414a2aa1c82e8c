using Broadsheet.Storage;

namespace Broadsheet.Cli.Commands;

/// <summary>Where the commands find storage and the API: option, then environment, then the local default.</summary>
public static class Endpoints
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";
    public const string DefaultApi = "http://localhost:7071/api";
    public const string IssuesContainer = StorageOptions.DefaultUploadContainer;

    public static string Storage(string? option) =>
        Given(option, "--storage", "a storage connection string") ?? NonEmpty(Environment.GetEnvironmentVariable("AzureWebJobsStorage")) ?? DevelopmentStorage;

    public static Uri Api(string? option)
    {
        var raw = Given(option, "--api", $"the API's URL such as {DefaultApi}") ?? NonEmpty(Environment.GetEnvironmentVariable("BROADSHEET_API")) ?? DefaultApi;
        if (!Uri.TryCreate(raw.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new CliUsageException($"--api must be an http(s) URL such as {DefaultApi}, not '{raw}'");
        return uri;
    }

    /// <summary>The function key, when calling a deployed app (the dev host needs none).</summary>
    public static string? FunctionKey(string? option) =>
        NonEmpty(option) ?? NonEmpty(Environment.GetEnvironmentVariable("BROADSHEET_FUNCTION_KEY"));

    /// <summary>
    /// An option's value; null when it was not given. Given but empty (an unset variable in `--storage "$CONN"`) is a
    /// mistake to name, not a reason to fall back to the local default.
    /// </summary>
    private static string? Given(string? option, string name, string expected) =>
        option is null ? null
        : string.IsNullOrWhiteSpace(option) ? throw new CliUsageException($"{name} is empty: give {expected}, or leave {name} out for the default")
        : option;

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
