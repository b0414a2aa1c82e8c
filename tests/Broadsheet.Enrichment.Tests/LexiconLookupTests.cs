using Broadsheet.Enrichment.Lexicon;

namespace Broadsheet.Enrichment.Tests;

/// <summary>The length filters in front of the lexicon's sets only save look-ups: they never turn a member away.</summary>
public class LexiconLookupTests
{
    [Fact]
    public void Name_lengths_let_every_name_through_and_turn_away_lengths_no_name_has()
    {
        var longName = new string('长', 40);
        var lengths = new NameLengths(["济宁", "济宁市", "嘉祥县", "长", longName]);
        foreach (var name in new[] { "济宁", "济宁市", "嘉祥县", "长", longName, new string('长', 35) + "x" }) Assert.True(lengths.MayBe(name), name);
        Assert.False(lengths.MayBe("济宁市区")); // no name of four characters starts with 济
        Assert.False(lengths.MayBe("济南"));     // 济 opens a two-character name (济宁), 济南 none: the pair decides
        Assert.False(lengths.MayBe("汶上"));
        Assert.False(lengths.MayBe(""));
        Assert.Equal(3, lengths.LongestFrom('济'));
        Assert.Equal(40, lengths.LongestFrom('长'));
        Assert.Equal(0, lengths.LongestFrom('汶'));
    }

    [Fact]
    public void Every_listed_name_is_found_by_its_check()
    {
        var lexicon = NewsroomLexicon.Shared;
        Assert.All(lexicon.WorldPlaces, p => Assert.True(lexicon.IsWorldPlace(p), p));
        Assert.All(lexicon.Titles, t => Assert.True(lexicon.IsTitle(t), t));
        Assert.All(lexicon.KnownOrganizations, o => Assert.True(lexicon.IsKnownOrganization(o), o));
        Assert.All(lexicon.StopWords, w => Assert.True(lexicon.IsStopWord(w), w));
        Assert.All(lexicon.WorldPlaces, p => Assert.True(lexicon.LongestWorldPlaceFrom(p[0]) >= p.Length, p));
    }

    [Fact]
    public void The_longest_division_match_is_the_longest_name_there()
    {
        Division[] list =
        [
            new("370000", "山东省", null, "山东"), new("370800", "济宁市", "370000", "济宁"), new("370829", "嘉祥县", "370800", "嘉祥"),
            new("370830", "汶上县", "370800", "汶上"), new("370100", "济南市", "370000", "济南"), new("370101", "济南市历下区", "370100", null),
            new("659999", "一个名字长过三十一个字的行政区划" + new string('区', 20), null, null),
        ];
        var divisions = new Divisions(list, _ => false);
        var names = list.SelectMany(d => new[] { d.Name, d.ShortName }).OfType<string>().Where(n => n.Length >= 2).ToHashSet();
        var alphabet = string.Concat(names).Distinct().Concat("的是在，。").ToArray();
        var rng = new Random(15);
        var texts = names.Select(n => n + "的").ToList();
        for (var n = 0; n < 300; n++) texts.Add(new string([.. Enumerable.Range(0, rng.Next(1, 60)).Select(_ => alphabet[rng.Next(alphabet.Length)])]));
        foreach (var text in texts)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var expected = 0;
                for (var len = text.Length - i; len >= 2 && expected == 0; len--) if (names.Contains(text.Substring(i, len))) expected = len;
                Assert.Equal(expected, divisions.LongestMatch(text, i, out var found));
                if (expected > 0) Assert.Contains(found, d => d.Name == text.Substring(i, expected) || d.ShortName == text.Substring(i, expected));
            }
        }
    }
}
