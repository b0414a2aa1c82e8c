using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Lexicon;
using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Extractors;

/// <summary>
/// Places: administrative divisions by full or short name (嘉祥 → 嘉祥县, 370829), the dateline place included;
/// ambiguous names resolved towards the prefecture and province the text mentions most; other places
/// (lakes, mountains, parks) kept by name from jieba's place tags and place suffixes.
/// </summary>
internal sealed class PlaceExtractor(NewsroomLexicon lexicon)
{
    /// <summary>Endings of places that are not administrative units.</summary>
    private static readonly string[] PlaceSuffixes = ["湿地公园", "公园", "广场", "风景区", "景区", "水库", "湿地", "机场", "火车站", "高铁站", "湖", "山", "河", "岛", "港"];

    /// <summary>Words jieba tags as places that are no particular place.</summary>
    private static readonly HashSet<string> NotPlaces = ["城市", "深度", "山区", "城区", "郊区", "市区", "县城", "城镇", "边疆", "内地", "外地", "本地", "老家", "家乡", "故乡", "异地", "当地", "全国", "全省", "全市", "全县"];

    private sealed class Hit(string name, IReadOnlyList<Division> candidates)
    {
        public string Name { get; } = name;
        public IReadOnlyList<Division> Candidates { get; } = candidates;
        public int Count { get; set; }
        public int First { get; set; } = int.MaxValue;
    }

    public List<Place> Extract(ArticleText at, string? paper)
    {
        var text = at.Text.AsSpan();
        var hits = new Dictionary<string, Hit>(StringComparer.Ordinal);
        var divisions = lexicon.Divisions;

        void Add(string name, IReadOnlyList<Division> candidates, int offset)
        {
            if (!hits.TryGetValue(name, out var hit)) hits[name] = hit = new Hit(name, candidates);
            hit.Count++;
            hit.First = Math.Min(hit.First, offset);
        }

        if (at.Article.Dateline?.Place is { Length: > 0 } datelinePlace)
            Add(datelinePlace.Trim(), divisions.Find(datelinePlace.Trim()), -1);

        var covered = new bool[text.Length];
        // Division names start where jieba starts a word (安 in 平安 is no place).
        foreach (var startToken in at.Tokens)
        {
            var i = startToken.Start;
            if (covered[i] || !Chars.IsHan(text[i])) continue;
            var len = divisions.LongestMatch(text, i, out var found);
            if (len == 0) continue;
            var name = text.Slice(i, len).ToString();
            // 南阳古镇, 微山湖: a short division name starting a town, lake or park names that place, not the division.
            if (found.All(d => d.Name != name) && LocalSuffix(text[(i + len)..]) is { } suffix)
            {
                Add(name + suffix, [], i);
                Array.Fill(covered, true, i, len + suffix.Length);
                continue;
            }
            Add(name, found, i);
            Array.Fill(covered, true, i, len);
        }

        // Places jieba knows (tag ns) that are not divisions: 黄河, 泰山, 微山湖; and words ending in a place suffix.
        foreach (var tok in at.Tokens)
        {
            if (tok.Word.Length < 2 || covered[tok.Start] || NotPlaces.Contains(tok.Word) || "度率性感力".Contains(tok.Word[^1])) continue;
            var isPlace = lexicon.TryGetWord(tok.Word, out var w) && w.Tag == "ns";
            if (!isPlace && !IsSuffixedPlace(tok.Word)) continue;
            Add(tok.Word, [], tok.Start);
        }

        // Context for ambiguous names: prefectures and provinces of the unambiguous hits, the dateline, the paper's name.
        var prefectures = new Dictionary<string, int>();
        var provinces = new Dictionary<string, int>();
        void Vote(Division d, int weight)
        {
            if (d.PrefectureCode is { } p) prefectures[p] = prefectures.GetValueOrDefault(p) + weight;
            provinces[d.ProvinceCode] = provinces.GetValueOrDefault(d.ProvinceCode) + weight;
        }
        // Only names that can't be a word or a firm's name vote: full names, provinces and prefectures, the dateline.
        foreach (var hit in hits.Values.Where(h => h.Candidates.Count == 1))
        {
            var d = hit.Candidates[0];
            if (hit.Name == d.Name || d.Level < 2 || hit.First < 0) Vote(d, hit.Count);
        }
        if (paper is not null)
        {
            for (var i = 0; i < paper.Length; i++)
            {
                var len = divisions.LongestMatch(paper, i, out var found);
                if (len > 0 && found.Count == 1) { Vote(found[0], 1); i += len - 1; }
            }
        }

        var places = new List<Place>();
        foreach (var hit in hits.Values.OrderByDescending(h => h.Count).ThenBy(h => h.First))
        {
            var d = Resolve(hit.Candidates, prefectures, provinces);
            // A county known only by its short name, in a province the story is not about, is more likely a firm or a
            // word (汇川汽车部件 in a 泗水 story is no district of 贵州).
            if (d is { Level: 2 } && hit.Name != d.Name && provinces.Count > 0 && !provinces.ContainsKey(d.ProvinceCode)) continue;
            var place = d is null ? new Place(hit.Name, hit.Name, null) : new Place(hit.Name, d.Name, d.Code);
            // 嘉祥 and 嘉祥县 in one story are one place; keep the first-seen name.
            if (place.Code is not null && places.Any(p => p.Code == place.Code)) continue;
            places.Add(place);
        }
        return places;
    }

    private static Division? Resolve(IReadOnlyList<Division> candidates, Dictionary<string, int> prefectures, Dictionary<string, int> provinces)
    {
        if (candidates.Count <= 1) return candidates.Count == 1 ? candidates[0] : null;
        return candidates
            .OrderByDescending(d => 2 * (d.PrefectureCode is { } p ? prefectures.GetValueOrDefault(p) : 0) + provinces.GetValueOrDefault(d.ProvinceCode))
            .ThenBy(d => d.Level)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .First();
    }

    private static readonly string[] LocalSuffixes = ["湿地公园", "古镇", "街道", "社区", "公园", "广场", "景区", "水库", "大街", "镇", "乡", "村", "湖", "山", "路", "街"];

    private static string? LocalSuffix(ReadOnlySpan<char> rest)
    {
        foreach (var s in LocalSuffixes) if (rest.StartsWith(s, StringComparison.Ordinal)) return s;
        return null;
    }

    private static bool IsSuffixedPlace(string word)
    {
        foreach (var s in PlaceSuffixes)
        {
            // A suffix alone or with one character before it (高山, 上岛) is too often an ordinary word.
            if (word.Length >= s.Length + 2 && word.EndsWith(s, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
