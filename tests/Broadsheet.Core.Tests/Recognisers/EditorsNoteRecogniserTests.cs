using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Tests.Recognisers;

public class EditorsNoteRecogniserTests
{
    private readonly EditorsNoteRecogniser r = new();

    [Theory]
    [InlineData("编者按：2022中国（曲阜）国际孔子文化节", "编者按", "2022中国（曲阜）国际孔子文化节")]
    [InlineData("编者按 今年是", "编者按", "今年是")]
    [InlineData("【编者按】今年是", "编者按", "今年是")]
    [InlineData("编后：这篇报道", "编后", "这篇报道")]
    [InlineData("编者的话", "编者的话", "")]
    public void Editors_notes_give_label_and_text(string line, string label, string rest)
    {
        var m = r.Match(line);
        Assert.NotNull(m);
        Assert.Equal(label, m.Label);
        Assert.Equal(rest, line[m.Length..]);
    }

    [Theory]
    [InlineData("编后台系统升级")]
    [InlineData("编辑整理")]
    [InlineData("本报编者按照要求")]
    public void Other_text_is_not_an_editors_note(string line) => Assert.Null(r.Match(line));
}
