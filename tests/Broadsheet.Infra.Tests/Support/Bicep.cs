using System.Diagnostics;
using System.Reflection;

namespace Broadsheet.Infra.Tests.Support;

public sealed record BicepResult(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;
}

/// <summary>
/// Runs the Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, a PackageDownload of this project),
/// so CI needs nothing installed beyond the .NET SDK.
/// </summary>
public static class Bicep
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static string Version => Metadata("BicepVersion");

    public static string Path => Executable.Value;

    public static BicepResult Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} took over 3 minutes");
        }

        return new BicepResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Locate()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The infra tests run the linux-x64 Bicep CLI.");
        }

        var roots = new[]
        {
            Metadata("NuGetPackageRoot"),
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? "",
            System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        var candidates = roots
            .Where(r => r.Length > 0)
            .Select(r => System.IO.Path.Combine(r, "azure.bicep.commandline.linux-x64", Version, "tools", "bicep"))
            .ToList();
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"Bicep CLI {Version} not found (looked in {string.Join(", ", candidates)}); run `dotnet restore tests/Broadsheet.Infra.Tests`.");

        // NuGet does not always keep the execute bit when it extracts a package.
        var mode = File.GetUnixFileMode(found);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(found, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return found;
    }

    private static string Metadata(string key) =>
        typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"assembly metadata {key} missing");
}
