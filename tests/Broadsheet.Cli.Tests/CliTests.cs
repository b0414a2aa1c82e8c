namespace Broadsheet.Cli.Tests;

/// <summary>The command line itself: every command and option is there, with --help, and a wrong command line is one line and exit 2.</summary>
public sealed class CliTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await BroadsheetCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static TheoryData<string, string[]> Commands => new()
    {
        { "parse", ["FILE", "--paper", "--date", "--enrich"] },
        { "serve", ["--storage", "--port"] },
        { "upload", ["FILE|DIR", "--paper", "--date", "--storage", "--wait", "--api", "--key", "--timeout"] },
        { "query", ["--q", "--person", "--place", "--org", "--author", "--column", "--paper", "--kind", "--date", "--from", "--to", "--top", "--continuationToken", "--api", "--key", "--json"] },
        { "issues", ["--continuationToken", "--api", "--key", "--json"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Each_command_has_help_that_lists_its_options(string command, string[] options)
    {
        var (code, output, error) = await RunAsync(command, "--help");

        Assert.Equal(0, code);
        Assert.Empty(error);
        // "Usage: broadsheet query [options]" (the root's name is the executable's: the test host here).
        Assert.Matches($@"Usage:\s+\S+ {command}\b", output);
        Assert.All(options, o => Assert.Contains(o, output));
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        foreach (var args in new[] { new[] { "--help" }, ["help"], ["-h"] })
        {
            var (code, output, _) = await RunAsync(args);
            Assert.Equal(0, code);
            Assert.All(["parse", "serve", "upload", "query", "issues"], c => Assert.Contains(c, output));
        }
    }

    [Theory]
    [InlineData("top", new[] { "query", "--top", "ten" }, "--top must be a whole number from 1 to 100, not 'ten'")]
    [InlineData("date", new[] { "query", "--date", "2022-13-01" }, "--date must be a date as yyyy-MM-dd, not '2022-13-01'")]
    [InlineData("port", new[] { "serve", "--port", "0" }, "--port must be a whole number from 1 to 65535, not '0'")]
    [InlineData("words", new[] { "query", "刘东利" }, "did you mean --q \"刘东利\"?")]
    [InlineData("command", new[] { "publish" }, "'publish'")]
    [InlineData("nothing", new string[0], "command")]
    [InlineData("file", new[] { "parse" }, "FILE")]
    [InlineData("files", new[] { "upload" }, "FILE|DIR")]
    [InlineData("empty storage", new[] { "upload", "dump.txt", "--storage", "" }, "--storage is empty: give a storage connection string")]
    [InlineData("empty storage (serve)", new[] { "serve", "--storage", " " }, "--storage is empty")]
    [InlineData("empty api", new[] { "query", "--q", "人才", "--api", "" }, "--api is empty")]
    public async Task A_wrong_command_line_is_one_line_and_exit_2(string what, string[] args, string says)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("broadsheet: ", line);
        Assert.True(line.Contains(says, StringComparison.Ordinal), $"{what}: {line}");
    }

    [Fact]
    public async Task Options_also_take_the_name_equals_value_form()
    {
        var (code, _, error) = await RunAsync("query", "--top=ten");
        Assert.Equal(2, code);
        Assert.Contains("--top must be a whole number", error);
    }

    [Fact]
    public async Task A_file_that_is_not_there_is_one_line_and_exit_1()
    {
        var (code, _, error) = await RunAsync("parse", "/no/such/dump.txt");
        Assert.Equal(1, code);
        Assert.Equal("broadsheet: no such file: /no/such/dump.txt", error.Trim());
    }
}
