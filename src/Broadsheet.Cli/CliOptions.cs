using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Broadsheet.Cli;

/// <summary>Options several commands share, and option kinds that check their values the way the API does.</summary>
internal static class CliOptions
{
    public static Option<string?> Storage() => new("--storage")
    {
        Description = "Storage connection string (else env AzureWebJobsStorage, else UseDevelopmentStorage=true: Azurite)",
        HelpName = "CONNECTION",
    };

    public static Option<string?> Api() => new("--api")
    {
        Description = $"The HTTP API's root (else env BROADSHEET_API, else {Commands.Endpoints.DefaultApi})",
        HelpName = "URL",
    };

    public static Option<string?> Key() => new("--key")
    {
        Description = "Function key of a deployed app (else env BROADSHEET_FUNCTION_KEY; the dev host needs none)",
        HelpName = "KEY",
    };

    public static Option<bool> Json() => new("--json") { Description = "Print the API's raw JSON instead of a table" };

    public static Option<string?> Paper(string description) => new("--paper") { Description = description, HelpName = "PAPER" };

    public static Option<string?> Text(string name, string description) => new(name) { Description = description, HelpName = "TEXT" };

    /// <summary>A yyyy-MM-dd date; anything else is a one-line usage error naming the option.</summary>
    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "yyyy-MM-dd",
        CustomParser = result =>
        {
            var v = result.Tokens.Single().Value;
            if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            result.AddError($"{name} must be a date as yyyy-MM-dd, not '{v}'");
            return null;
        },
    };

    /// <summary>A whole number in [min, max]; anything else is a one-line usage error naming the option.</summary>
    public static Option<int?> Int(string name, int min, int max, string description) => new(name)
    {
        Description = $"{description} ({min}-{max})",
        HelpName = "N",
        CustomParser = result =>
        {
            var v = result.Tokens.Single().Value;
            if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            result.AddError($"{name} must be a whole number from {min} to {max}, not '{v}'");
            return null;
        },
    };
}
