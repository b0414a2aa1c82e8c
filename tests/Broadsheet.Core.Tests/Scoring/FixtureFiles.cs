namespace Broadsheet.Core.Tests.Scoring;

/// <summary>Fixture files as copied next to the test assembly (csproj: Fixtures\**\* → output).</summary>
public static class FixtureFiles
{
    public static string PathOf(string relative) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Text(string relative) => File.ReadAllText(PathOf(relative));

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));
}
