using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Extractors;

namespace Broadsheet.Enrichment.Tests;

public class ArticleTextTests
{
    [Fact]
    public void Spaces_left_by_pdf_extraction_between_digits_and_Han_are_closed_but_names_stay_apart()
    {
        var text = Build.Text("1984 年 9 月 22 日，记者 刘项清 杨国庆报道。");
        Assert.Equal("1984年9月22日，记者 刘项清 杨国庆报道。", text.Text);
        Assert.Contains(new DateMention("1984年9月22日", "1984-09-22"), DateExtractor.Extract(text));
    }

    [Fact]
    public void The_cut_knows_each_tokens_dictionary_word_as_a_look_up_finds_it()
    {
        var lexicon = Build.Lexicon;
        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "2022-08-08.txt"));
        var texts = new List<string> { sample, "iPhone 15和5G手机、ABC公司、T恤衫、3.5%的增长、𪚥字、C++ 与 C# 语言" };
        var rng = new Random(15);
        const string alphabet = "的是在了不和有大这主中人上为们地个用工时要济宁嘉祥汶上ABCxyz0123456789+#&._%·- ，。、“”\n";
        for (var n = 0; n < 200; n++) texts.Add(new string([.. Enumerable.Range(0, rng.Next(1, 80)).Select(_ => alphabet[rng.Next(alphabet.Length)])]));
        foreach (var body in texts)
        {
            var text = Build.Text(body);
            var idOf = new Dictionary<string, int>();
            for (var k = 0; k < text.Tokens.Count; k++)
            {
                var word = text.Tokens[k].Word;
                var known = lexicon.TryGetWord(word, out var expected);
                Assert.Equal(known, text.TryGetWord(k, out var info));
                if (!known) { Assert.Equal(-1, text.WordId(k)); continue; }
                Assert.Equal(expected, info);
                // The same word, the same id; another word, another id.
                Assert.Equal(idOf.GetValueOrDefault(word, text.WordId(k)), text.WordId(k));
                idOf[word] = text.WordId(k);
            }
            Assert.Equal(idOf.Count, idOf.Values.Distinct().Count());
        }
    }

    [Theory]
    [InlineData("2022-08-08")]
    [InlineData("2024-02-29")]
    [InlineData("2023-02-29")] // no such day
    [InlineData("2022-13-01")]
    [InlineData("2022-00-10")]
    [InlineData("0000-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2022-8-8")]
    [InlineData("2022/08/08")]
    [InlineData("２０２２-08-08")] // full-width digits
    [InlineData(" 2022-08-08")]
    [InlineData("2022-08-08 ")]
    [InlineData("")]
    [InlineData(null)]
    public void Issue_and_dateline_dates_read_as_the_general_parser_reads_them(string? date)
    {
        DateOnly? expected = DateOnly.TryParseExact(date, "yyyy-MM-dd", out var d) ? d : null;
        var text = Build.Text("正文。", dateline: new Dateline("", null, date), issue: new IssueInfo { Paper = "济宁日报", Date = date });
        Assert.Equal(expected, text.IssueDate);
        Assert.Equal(expected, text.ReferenceDate);
    }
}
