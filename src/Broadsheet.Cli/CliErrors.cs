namespace Broadsheet.Cli;

/// <summary>The command line was wrong: printed as one line, exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>A failure the user can act on: printed as one line, exit code as given.</summary>
public sealed class CliFailure(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
