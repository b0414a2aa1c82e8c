using Broadsheet.Core.Model;

namespace Broadsheet.Enrichment.Tests;

/// <summary>No input may crash enrichment: random mixes of the characters the rules key on.</summary>
public class RandomInputTests
{
    private const string Alphabet = "王李张刘县长局长书记市省区县委员会集团公司说表示介绍“”‘’，。、：；！？…（）《》年月日至截底今天昨上半年亿万元%％０１２３４５６７８９0123456789.． \n\t■—·ABCxyz";

    [Fact]
    public void Random_text_of_rule_characters_never_throws()
    {
        var enricher = new ArticleEnricher();
        var rng = new Random(1234);
        for (var n = 0; n < 400; n++)
        {
            var chars = new char[rng.Next(0, 300)];
            for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[rng.Next(Alphabet.Length)];
            var body = new string(chars);
            var article = new Article
            {
                Title = rng.Next(2) == 0 ? null : body[..Math.Min(body.Length, 12)],
                Paragraphs = [.. body.Split('\n')],
                Byline = rng.Next(2) == 0 ? [] : [new Byline(body[..Math.Min(body.Length, 3)], "记者")],
                Dateline = rng.Next(2) == 0 ? null : new Dateline("", body[..Math.Min(body.Length, 2)], rng.Next(2) == 0 ? "2022-08-07" : "garbage"),
            };
            var e = enricher.Enrich(article, new IssueInfo { Date = rng.Next(2) == 0 ? "2022-08-08" : null });
            Assert.True(e.Summary.Length <= 200);
            Assert.All(e.Figures, f => Assert.False(double.IsNaN(f.Value)));
        }
    }

    [Fact]
    public void Text_is_never_cut_inside_a_character_outside_the_BMP()
    {
        // Rare name characters and emoji are surrogate pairs: every string enrichment returns must still be whole.
        string[] alphabet = [.. Alphabet.Select(c => c.ToString()), "𪚥", "𠀀", "😀", "👍🏻", "𪚥利"];
        var enricher = new ArticleEnricher();
        var rng = new Random(4321);
        for (var n = 0; n < 300; n++)
        {
            var body = string.Concat(Enumerable.Range(0, rng.Next(0, 400)).Select(_ => alphabet[rng.Next(alphabet.Length)]));
            var e = enricher.Enrich(new Article { Title = "县长刘𪚥利说", Paragraphs = [.. body.Split('\n')] }, new IssueInfo { Date = "2022-08-08" });
            string?[] texts =
            [
                e.Summary, .. e.People.SelectMany(p => new[] { p.Name, p.Title }), .. e.Places.SelectMany(p => new[] { p.Name, p.Normalized }),
                .. e.Organizations.SelectMany(o => new[] { o.Name, o.ShortForm }), .. e.Quotes.SelectMany(q => new[] { q.Speaker, q.Text }),
                .. e.Figures.Select(f => f.Text), .. e.Dates.Select(d => d.Text), .. e.Keywords.Select(k => k.Term),
            ];
            Assert.All(texts, t => Assert.True(IsWellFormed(t ?? ""), t));
            Assert.Contains(e.People, p => p.Name == "刘𪚥利");
        }
    }

    private static bool IsWellFormed(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }
}
