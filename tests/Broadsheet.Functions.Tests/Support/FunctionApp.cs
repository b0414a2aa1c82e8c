using System.Reflection;
using Broadsheet.TestKit;

namespace Broadsheet.Functions.Tests.Support;

/// <summary>Where things are: the function app's build output (built before these tests) and the repository.</summary>
public static class FunctionApp
{
    /// <summary>src/Broadsheet.Functions/bin/{Configuration}/{TargetFramework}: what `func start` and a deployment run.</summary>
    public static string Directory { get; } = Path.GetFullPath(
        typeof(FunctionApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionAppDirectory").Value!);

    public static string PathOf(string file) => Path.Combine(Directory, file);

    /// <summary>The repository root.</summary>
    public static string RepoRoot => AzuriteFixture.RepoRoot;

    public static string RepoPath(params string[] parts) => Path.Combine([RepoRoot, .. parts]);
}
