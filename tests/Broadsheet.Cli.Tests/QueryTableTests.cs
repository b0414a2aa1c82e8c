using System.Text.Json;
using Broadsheet.Cli.Commands;
using Spectre.Console;

namespace Broadsheet.Cli.Tests;

/// <summary>What `broadsheet query` prints: words a reader uses.</summary>
public sealed class QueryTableTests
{
    private static string Render(string itemsJson)
    {
        var items = JsonDocument.Parse(itemsJson).RootElement.EnumerateArray().ToList();
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        console.Write(QueryCommand.ArticleTable(items, withIds: false));
        return output.ToString();
    }

    [Fact]
    public void Untitled_items_are_named_by_the_reader_s_word_for_their_kind()
    {
        var table = Render("""
            [{ "kind": "editorsNote", "paragraphs": ["为深入学习宣传贯彻党的二十大精神"], "page": 1 },
             { "kind": "photo", "paragraphs": ["8月6日，游客在南池景区游玩。"], "page": 1 }]
            """);

        Assert.Contains("(editor's note) 为深入学习宣传贯彻党的二十大精神", table);
        Assert.Contains("(photo) 8月6日", table);
        Assert.DoesNotContain("editorsNote", table);
    }
}
