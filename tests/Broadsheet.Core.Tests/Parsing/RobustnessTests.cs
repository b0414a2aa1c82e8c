using CsCheck;
using static Broadsheet.Core.Tests.TestSupport;

namespace Broadsheet.Core.Tests.Parsing;

/// <summary>No input may crash the parser; none may lose text.</summary>
public class RobustnessTests
{
    /// <summary>Pieces dumps are made of, so random text reaches the recognisers, not just the decoder.</summary>
    private static readonly string[] Pieces =
    [
        "本报讯", "本报嘉祥8月7日讯", "（通讯员 刘丁 李超）", "新华社北京11月8日电", "■本报记者 谷常浩", "■", "记者", "编辑整理", "（记者 马尚龙）",
        "（下转2版C）", "（上接1版C）", "（下转第二版）", "编者按：", "——访", "“", "”", "。", "，", "、", "（", "）", "·", " ", "  ", "\n", "\n", "\n\n", "\f",
        "孔子文化节·记忆", "夯实人才支撑夯实人才支撑", "1984 年", "98.5%", "2 时政 2023年11月23日 星期四 责任编辑:耿 睿", "CN 37-0106",
        "简讯", "短评", "本报评论员", "图为", "摄", "技能人才", "制造强市建设", "近日，", "说。", "abc", "-", "\u3000", "\t", "\r\n",
    ];

    private static readonly Gen<string> DumpLike = Gen.OneOf(
        Gen.OneOf(Pieces).Array[0, 120].Select(a => string.Concat(a)),
        Gen.Char["本报讯记者编辑。，“”（）\n\f ■——1234版下转上接"].Array[0, 400].Select(a => new string(a)));

    [Fact]
    public void Random_dump_like_text_never_crashes_or_loses_han() =>
        DumpLike.Sample(text =>
        {
            var issue = IssueParser.Parse(text, new Model.IssueContext(null, new DateOnly(2022, 8, 8)));
            var lost = LostHan(text, issue);
            Assert.True(lost.Count == 0, "lost: " + string.Join("", lost.Keys));
        }, iter: 3000);

    [Fact]
    public void Random_strings_never_crash() =>
        Gen.String[0, 600].Sample(text => { IssueParser.Parse(text, new Model.IssueContext()); }, iter: 2000);

    [Fact]
    public void Random_bytes_parse_or_are_refused_with_one_line() =>
        Gen.Byte.Array[0, 2000].Sample(bytes =>
        {
            try { IssueParser.Parse(bytes, new Model.IssueContext()); }
            catch (IssueFormatException e) { Assert.DoesNotContain('\n', e.Message); }
        }, iter: 2000);
}
