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
    private static readonly string[] PlaceSuffixes = ["湿地公园", "公园", "广场", "风景区", "景区", "水库", "湿地", "机场", "火车站", "高铁站", "湖", "山", "河", "岛", "港",
        "体育馆", "美术馆", "博物馆", "纪念馆", "大剧院", "大会堂", "大厦", "隧道", "铁路", "航天城", "宫", "镇", "乡", "村"];

    /// <summary>Words jieba tags as places that are no particular place.</summary>
    private static readonly HashSet<string> NotPlaces = ["城市", "深度", "山区", "城区", "郊区", "矿区", "东区", "西区", "老城区", "市区", "县城", "城镇", "边疆", "内地", "外地", "本地", "老家", "家乡", "故乡", "异地", "当地", "全国", "全省", "全市", "全县",
        // Everyday words jieba's dictionary also tags ns (hand-written).
        "外国", "东西", "美丽", "海洋", "大国", "小国", "强国", "山水", "南北", "东南西北", "滑坡", "海峡", "海湾", "海滨", "海边", "大山", "大街", "大桥", "山村", "温泉", "灯塔",
        "古庙", "来宾", "贵宾", "神圣", "普及", "复兴", "开朗", "治安", "爱国", "建国", "回国", "出国", "离京", "进京", "入夏", "播撒", "关联", "朝野", "前锋", "美德",
        "藩篱", "远古", "青春", "黑洞", "长河", "多极", "中西", "天下", "人间", "世界", "全世界", "国内", "国外", "境内", "境外", "海外", "各国", "各地", "大陆", "港口",
        "口岸", "山川", "江山", "河山", "山河", "村庄", "乡村", "农村", "田野", "深山老林", "半壁江山", "热爱祖国", "祖国", "科教兴国", "成人高考", "上马", "平安", "安康", "长安街", "新建",
        "上半场", "下半场", "沿海地区", "港台地区", "大城市", "小城镇", "大中城市", "港口城市", "五大洲", "馆藏", "馆里", "昔者", "保平安",
        // Everyday words that are also a division's or a world place's name.
        "万象", "复兴", "宏伟",
        // More of jieba's ns words that are no particular place (Data/not-places.txt).
        .. EmbeddedData.Lines("not-places.txt").SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
    /// <summary>One-character abbreviations of single countries: two of them in one word (中美, 印巴, 韩美) name a pair of
    /// countries, each a place of its own, not a place.</summary>
    private const string CountryAbbreviations = "中美日英法德俄意韩朝印巴苏越泰澳加以伊欧";
    /// <summary>Currencies named after their country (挪威克朗, 瑞士法郎): no place.</summary>
    private static readonly string[] Currencies = ["克朗", "法郎", "马克", "卢布", "比索", "里拉", "卢比", "兰特", "先令", "第纳尔", "美元", "日元", "英镑", "元"];
    /// <summary>Nouns of a kind of place; a transliterated name right after one is that place (南部城市哈斯科沃, 旅游胜地帕塔亚).</summary>
    internal static readonly string[] PlaceKindsBefore = ["城市", "首都", "首府", "小镇", "小城", "名城", "古城", "重镇", "港口", "港市", "胜地", "村庄", "岛国"];
    /// <summary>The Earth, the Moon, the planets and the Milky Way are places too (地球磁场, 登上月球); jieba tags them nouns.</summary>
    private static readonly HashSet<string> Celestial = ["地球", "月球", "火星", "金星", "木星", "土星", "水星", "银河", "银河系"];
    private static readonly System.Buffers.SearchValues<char> CelestialEnds = System.Buffers.SearchValues.Create([.. Celestial.Select(c => c[^1])]);
    /// <summary>Regions papers name by an abbreviation no list above holds (拉美 for 拉丁美洲).</summary>
    private static readonly HashSet<string> Regions = ["拉美", "亚太", "中东", "近东", "远东", "中亚", "东欧", "西欧", "北美", "南美", "东南亚", "南亚", "西亚", "北非", "东非", "西非", "阿拉伯"];
    private static readonly HashSet<char> RegionFirstChars = [.. Regions.Select(r => r[0])];
    /// <summary>Venues, which are places (the corpus and readers alike): 体育馆, 火车站, 美术馆.</summary>
    internal static readonly string[] VenueWords = ["体育馆", "体育场", "美术馆", "博物馆", "纪念馆", "档案馆", "文学馆", "图书馆", "大剧院", "剧院", "大会堂", "火车站", "车站", "机场", "码头", "隧道", "铁路", "大厦", "广场"];
    private static readonly HashSet<string> Venues = [.. VenueWords];
    /// <summary>Settlements and divisions as one-character words after their name (山泉 乡, 塔科马 市).</summary>
    private static readonly HashSet<char> Settlements = ['村', '乡', '镇', '屯', '县', '市', '省', '州', '郡', '区'];

    /// <summary>Ports, islands, rivers, mountains and lakes as words after a transliterated name (伊斯坎德伦 港, 塔纳 岛); after
    /// a Chinese word they are too often no name (上 山, 河 边).</summary>
    private static readonly HashSet<string> Landforms = ["港", "岛", "河", "山", "湖", "湾", "群岛", "半岛", "海峡", "运河"];

    private static readonly System.Buffers.SearchValues<char> NamedPlaceEnds = System.Buffers.SearchValues.Create([.. VenueWords.Select(v => v[^1]), .. Settlements, .. Landforms.Select(l => l[^1]), '区']);

    /// <summary>Endings that make a place a region of it (亚洲地区 → 亚洲, 东欧各国 → 东欧).</summary>
    private static readonly string[] RegionEndings = ["地区", "各国", "一带", "沿岸", "国家"];

    private sealed class Hit(string name, IReadOnlyList<Division> candidates)
    {
        public string Name { get; } = name;
        public IReadOnlyList<Division> Candidates { get; } = candidates;
        public int Count { get; set; }
        /// <summary>Mentions outside an organisation's name; a place named only inside one (北京电视台) votes but is not listed.</summary>
        public int Listed { get; set; }
        public int First { get; set; } = int.MaxValue;
        /// <summary>Some mention has words around it that say place (在/到/赴 before it, 市/县 after it).</summary>
        public bool InPlaceContext { get; set; }
    }

    /// <param name="people">People found in the text: a place inside a name (庞卫国) is no place.</param>
    /// <param name="organizations">Organisations found in the text: a place inside one (北京电视台) helps resolve others but is not listed on its own.</param>
    public List<Place> Extract(ArticleText at, string? paper, IEnumerable<string>? people = null, IEnumerable<string>? organizations = null)
    {
        var text = at.Text.AsSpan();
        var hits = new Dictionary<string, Hit>(StringComparer.Ordinal);
        var divisions = lexicon.Divisions;

        var inBody = new bool[text.Length];
        void Add(string name, IReadOnlyList<Division> candidates, int offset)
        {
            if (!hits.TryGetValue(name, out var hit)) hits[name] = hit = new Hit(name, candidates);
            hit.Count++;
            if (offset < 0 || !inBody[offset] || OpensHierarchy(at.Text, offset + name.Length, candidates)) hit.Listed++;
            hit.First = Math.Min(hit.First, offset);
        }

        if (at.Article.Dateline?.Place is { Length: > 0 } datelinePlace)
            Add(datelinePlace.Trim(), divisions.Find(datelinePlace.Trim()), -1);

        var covered = new bool[text.Length];
        // “青岛”号, “和平”号: a place in quotes before 号 names a ship or craft, not the place.
        for (var q = at.Text.IndexOf("”号", StringComparison.Ordinal); q > 0; q = at.Text.IndexOf("”号", q + 2, StringComparison.Ordinal))
        {
            var open = at.Text.LastIndexOf('“', q - 1, Math.Min(q, 12));
            if (open >= 0) Array.Fill(covered, true, open + 1, q - open - 1);
        }
        MarkDottedNames(at, covered);
        // 南部城市哈斯科沃, 旅游胜地帕塔亚: a transliterated name after a kind of place is that place, also where the people
        // pass read it as a name.
        var kindNamed = PlaceAfterKind(at, covered);
        static void Mark(string text, bool[] marks, IEnumerable<string>? names, Func<string, bool>? skip = null)
        {
            foreach (var name in names ?? [])
            {
                if (name.Length < 2 || skip?.Invoke(name) == true) continue;
                for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + name.Length, StringComparison.Ordinal))
                    Array.Fill(marks, true, i, name.Length);
            }
        }
        // jieba tags some cities and towns as names (莫斯科, 高升镇): a "person" who is a city or ends like a town is the place.
        Mark(at.Text, covered, people, name => lexicon.IsWorldPlace(name) || name.Length >= 3 && Settlements.Contains(name[^1]) || OpensWithWorldPlace(name) || kindNamed.ContainsKey(name));
        foreach (var (name, start) in kindNamed.Where(n => !covered[n.Value]).Select(n => (n.Key, n.Value)).ToList())
        {
            Add(name, [], start);
            Array.Fill(covered, true, start, name.Length);
        }
        Mark(at.Text, inBody, organizations);
        // Division names end where jieba ends a word too (新华 in 新华社, 吉隆 in 吉隆坡 are no places).
        var wordEnd = new bool[text.Length + 1];
        foreach (var t in at.Tokens) wordEnd[t.End] = true;
        // Venues and settlements named by the word before them (朝阳体育馆, 广元火车站, 山泉乡, 塔科马市) are one place.
        var tokens = at.Tokens;
        for (var k = 1; k < tokens.Count; k++)
        {
            // One character look-up turns most words away before any word look-up.
            if (!NamedPlaceEnds.Contains(tokens[k].Word[^1])) continue;
            var landform = Landforms.Contains(tokens[k].Word);
            if (!landform && !Venues.Contains(tokens[k].Word) && !(tokens[k].Word.Length == 1 && Settlements.Contains(tokens[k].Word[0])) && tokens[k].Word != "大区") continue;
            if (NameBefore(at, k, foreignOnly: landform) is not { } from || covered[from] || covered[tokens[k - 1].End - 1]) continue;
            Add(at.Text[from..tokens[k].End], [], from);
            Array.Fill(covered, true, from, tokens[k].End - from);
        }

        // Division names start where jieba starts a word (安 in 平安 is no place).
        foreach (var startToken in at.Tokens)
        {
            var i = startToken.Start;
            if (covered[i] || !Chars.IsHan(text[i])) continue;
            // 香港特区政府 cut as one word: the place is the region, 香港特区, as where the cut holds it alone.
            if (SpecialRegionOfGovernment(startToken.Word) is { } region)
            {
                Add(region, [], i);
                Array.Fill(covered, true, i, region.Length);
                continue;
            }
            var len = divisions.LongestMatch(text, i, out var found);
            if (len > 0 && !wordEnd[i + len])
            {
                // 济宁市委: the division without its 市 when the cut joined the 市 to what follows.
                if (len > 2 && wordEnd[i + len - 1] && "省市县区州盟旗".Contains(text[i + len - 1]) && divisions.Find(text.Slice(i, len - 1)) is { Count: > 0 } shorter)
                    (len, found) = (len - 1, shorter);
                // 江苏宜兴人: someone from the place, the cut glued to its 人; the place stands.
                else if (i + len + 1 == startToken.End && text[i + len] == '人') { }
                // 山 东三省: a province or prefecture the cut split, its first character left alone and the rest glued to a
                // word of its own; the word the cut made (东三省) is no place then.
                else if (SplitDivisionEnd(text, i, len, found, wordEnd) is > 0 and var end) Array.Fill(covered, true, i + len, end - i - len);
                else len = 0;
            }
            if (len == 0)
            {
                // Countries, regions and foreign cities (印度, 拉丁美洲, 开罗, 吉隆坡), also glued to the word after them (印度政府).
                len = WorldPlaceAt(text, startToken, wordEnd);
                if (len > 0 && !covered[i + len - 1] && text.Slice(i, len).ToString() is var world && !NotPlaces.Contains(world) && !IsChinaWithRegion(text, i, world))
                {
                    Add(world, [], i);
                    Array.Fill(covered, true, i, len);
                }
                continue;
            }
            if (Array.IndexOf(covered, true, i, len) >= 0) continue;
            var name = text.Slice(i, len).ToString();
            if (NotPlaces.Contains(name)) continue;
            if (IsPairBeforeRelation(text, i, name)) { Array.Fill(covered, true, i, len); continue; }
            // 南阳古镇, 微山湖: a short division name starting a town, lake or park names that place, not the division.
            // The suffix ends where the cut ends a word (西藏 山南市 holds no 西藏山).
            if (found.All(d => d.Name != name) && LocalSuffix(text[(i + len)..]) is { } suffix && wordEnd[i + len + suffix.Length])
            {
                Add(name + suffix, [], i);
                Array.Fill(covered, true, i, len + suffix.Length);
                continue;
            }
            Add(name, found, i);
            // Only a county's short name needs the words around it (the checks below cost more than the match).
            if (!hits[name].InPlaceContext && found.Any(d => d.Level == 2 && d.Name != name) && SaysPlace(at.Text, i, i + len)) hits[name].InPlaceContext = true;
            Array.Fill(covered, true, i, len);
        }

        // Places jieba knows (tag ns) that are not divisions: 黄河, 泰山, 微山湖; and words ending in a place suffix.
        for (var k = 0; k < tokens.Count; k++)
        {
            var tok = tokens[k];
            if (tok.Word.Length < 2 || covered[tok.Start] || covered[tok.End - 1] || NotPlaces.Contains(tok.Word)) continue;
            // jieba tags some cities as names (莫斯科, 吉隆坡): those count where the words around them say place.
            // Only transliterated ones: 来到刘延宇家 is a person's home.
            var known = at.TryGetWord(k, out var w);
            var isPlace = Regions.Contains(tok.Word) || CelestialEnds.Contains(tok.Word[^1]) && Celestial.Contains(tok.Word) || known && (w.Tag == "ns" && !IsRarePhrase(tok.Word, w)
                || w.Tag is "nr" or "nrt" && tok.Word.Length >= 3 && PersonExtractor.IsTransliterated(tok.Word) && IsPlaceContext(at.Text, tok.Start, tok.End)
                // 肯特郡, 康斯坦察县: a foreign name jieba tags a person's, ending in a division's word.
                || w.Tag is "nr" or "nrt" && tok.Word.Length >= 3 && Settlements.Contains(tok.Word[^1]) && PersonExtractor.IsTransliterated(tok.Word.AsSpan(0, tok.Word.Length - 1)));
            // 辽宁沈阳, 香港回归, 首都北京, 地球磁场: a rare ns phrase or noun holding a known place names that place (and the one after it).
            if (!isPlace && known && w.Freq <= RareNsFreq && w.Tag is "ns" or "n" or "nz" or "l" && !EndsWithCurrency(tok.Word) && (w.Tag == "ns" || !IsSuffixedPlace(tok.Word)) && PlacesInPhrase(tok.Word, ns: w.Tag == "ns") is var (at0, len0, at1, len1) && len0 > 0)
            {
                Add(tok.Word.Substring(at0, len0), lexicon.Divisions.Find(tok.Word.AsSpan(at0, len0)), tok.Start + at0);
                if (len1 > 0) Add(tok.Word.Substring(at1, len1), lexicon.Divisions.Find(tok.Word.AsSpan(at1, len1)), tok.Start + at1);
                Array.Fill(covered, true, tok.Start, tok.Word.Length);
                continue;
            }
            if (!isPlace && ("度率性感力".Contains(tok.Word[^1]) || !IsSuffixedPlace(tok.Word))) continue;
            if (IsCountryPair(tok.Word) || EndsWithCurrency(tok.Word) || IsChinaWithRegion(text, tok.Start, tok.Word)) continue;
            var name = tok.Word;
            // 北仑河口, 鸭绿江口: the river's mouth is a point on the river; the river is the place.
            if (name.Length >= 4 && (name.EndsWith("河口", StringComparison.Ordinal) || name.EndsWith("江口", StringComparison.Ordinal))) name = name[..^1];
            foreach (var ending in RegionEndings)
            {
                if (name.Length > ending.Length + 1 && name.EndsWith(ending, StringComparison.Ordinal) && IsRegion(name[..^ending.Length]))
                {
                    name = name[..^ending.Length];
                    break;
                }
            }
            // 伊斯坎 德伦: a foreign place the cut split, one part jieba knows as a place; rare foreign words around it belong to it.
            if (name == tok.Word && PersonExtractor.IsTransliterated(name))
            {
                var (first, last) = (k, k);
                while (first > 0 && IsRareForeignPart(tokens[first - 1], tokens[first].Start) && !covered[tokens[first - 1].Start]) first--;
                while (last + 1 < tokens.Count && IsRareForeignPart(tokens[last + 1], tokens[last].End) && !covered[tokens[last + 1].Start]) last++;
                if (tokens[last].End - tokens[first].Start <= 8 && (first, last) != (k, k))
                {
                    name = at.Text[tokens[first].Start..tokens[last].End];
                    Array.Fill(covered, true, tokens[first].Start, name.Length);
                    Add(name, [], tokens[first].Start);
                    continue;
                }
            }
            Add(name, [], tok.Start);
        }

        // 麻田一带, 胜山境内: a name before a word that says "the area of" is a place, when it is no common word.
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            var tok = tokens[k];
            if (tokens[k + 1].Word is not ("一带" or "境内" or "沿岸" or "附近") || tokens[k + 1].Start != tok.End) continue;
            if (tok.Word.Length is < 2 or > 4 || covered[tok.Start] || covered[tok.End - 1] || !tok.Word.All(Chars.IsHan) || NotPlaces.Contains(tok.Word)) continue;
            if (at.TryGetWord(k, out var w) && !(w.Tag is "ns" or "nr" or "nrt" or "nz" && w.Freq < 1000)) continue;
            Add(tok.Word, [], tok.Start);
            Array.Fill(covered, true, tok.Start, tok.Word.Length);
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

        // Provinces the story names by a province or prefecture, ambiguous names included (河北 is also a district of 天津).
        var namedProvinces = hits.Values.SelectMany(h => h.Candidates).Where(c => c.Level < 2).Select(c => c.ProvinceCode).Concat(provinces.Keys).ToHashSet();
        var places = new List<Place>();
        foreach (var hit in hits.Values.Where(h => h.Listed > 0).OrderByDescending(h => h.Count).ThenBy(h => h.First))
        {
            var d = Resolve(hit.Candidates, prefectures, provinces);
            // A county known only by its short name, in a province the story is not about, is more likely a firm or a
            // word (汇川汽车部件 in a 泗水 story is no district of 贵州).
            if (d is { Level: 2 } && hit.Name != d.Name && provinces.Count > 0 && !namedProvinces.Contains(d.ProvinceCode) && !hit.InPlaceContext) continue;
            // 恢复社会安宁, 生态惠民, 央行会同有关部门: a county's short name that is an everyday word is the county only where
            // its province is in the story or the words around one mention say place (到俺正阳了).
            if (d is { Level: 2 } && hit.Name != d.Name && hit.First >= 0 && !hit.InPlaceContext && !namedProvinces.Contains(d.ProvinceCode) && IsEverydayWord(hit.Name)) continue;
            var place = d is null ? new Place(hit.Name, hit.Name, null) : new Place(hit.Name, d.Name, d.Code);
            // 嘉祥 and 嘉祥县 in one story are one place; keep the first-seen name.
            if (place.Code is not null && places.Any(p => p.Code == place.Code)) continue;
            places.Add(place);
        }
        return places;
    }

    /// <summary>Where the word that holds the end of a split division ends, when the division opens with a one-character
    /// word and the rest of that word is a dictionary word or a count (山 东三省: 三省); 0 when it is no split division.</summary>
    private int SplitDivisionEnd(ReadOnlySpan<char> text, int i, int len, IReadOnlyList<Division> found, bool[] wordEnd)
    {
        if (!wordEnd[i + 1] || !found.Any(d => d.Level < 2)) return 0;
        for (var x = i + 2; x <= i + len; x++) if (wordEnd[x]) return 0;
        var end = i + len + 1;
        while (end < wordEnd.Length && !wordEnd[end]) end++;
        var rest = text[(i + len)..end];
        // 西 安大略: the word the cut made is a foreign place of its own.
        if (lexicon.IsWorldPlace(text[(i + 1)..end])) return 0;
        return rest.Length >= 2 && (lexicon.TryGetWord(rest, out _) || "两三四五六七八九几".Contains(rest[0])) ? end : 0;
    }

    /// <summary>
    /// A place right before a lower division of its own province (吉林 | 东丰县第五中学, 云南 | 昆明王和医院) or a province
    /// before a city inside a body's name is named for itself: the body belongs to the lower one.
    /// </summary>
    private bool OpensHierarchy(ReadOnlySpan<char> text, int end, IReadOnlyList<Division> candidates)
    {
        if (candidates.Count == 0 || end >= text.Length || lexicon.Divisions.LongestMatch(text, end, out var next) == 0) return false;
        foreach (var upper in candidates)
            foreach (var lower in next)
                if (lower.Level > upper.Level && lower.ProvinceCode == upper.ProvinceCode && (upper.Level == 0 || lower.PrefectureCode == upper.Code)) return true;
        return false;
    }

    /// <summary>
    /// Where the name before the venue or settlement word at token k starts: a run of transliteration (莱克 伍 德 县,
    /// 丘 布特 省), or one word that is a place or a rare word (朝阳 体育馆, 山泉 乡, 书房 村 is not: 书房 is an everyday word).
    /// A division's own 县 or 市 (郑州 市) is left to the division match.
    /// </summary>
    private int? NameBefore(ArticleText at, int k, bool foreignOnly = false)
    {
        var tokens = at.Tokens;
        var from = -1;
        for (var j = k - 1; j >= 0 && j >= k - 4 && tokens[j].End == tokens[j + 1].Start && tokens[j].Word.All(Chars.IsHan) && PersonExtractor.IsTransliterated(tokens[j].Word); j--)
            from = tokens[j].Start;
        if (from >= 0 && tokens[k].Start - from >= 2 && !(k - 1 >= 0 && tokens[k - 1].Start == from && at.TryGetWord(k - 1, out var t) && t.Freq >= 500))
        {
            // 尼·伯尔切斯库镇: a ·-joined name holds the parts before the dot too.
            while (from >= 2 && at.Text[from - 1] == '·' && PersonExtractor.IsTransliterated(at.Text.AsSpan(from - 2, 1)))
            {
                from -= 2;
                for (var part = 1; part < 6 && from > 0 && Chars.IsHan(at.Text[from - 1]) && PersonExtractor.IsTransliterated(at.Text.AsSpan(from - 1, 1)); part++) from--;
            }
            return from;
        }
        if (foreignOnly) return null;
        var prev = tokens[k - 1];
        if (prev.End != tokens[k].Start || prev.Word.Length < 2 || !prev.Word.All(Chars.IsHan) || NotPlaces.Contains(prev.Word)) return null;
        if (lexicon.Divisions.Find(prev.Word).Count > 0) return Venues.Contains(tokens[k].Word) ? prev.Start : null;
        if (lexicon.IsWorldPlace(prev.Word)) return prev.Start;
        if (!at.TryGetWord(k - 1, out var w)) return prev.Start;
        // 伊丽莎白体育馆: a venue named after a foreign person.
        // Its first three characters read foreign (伊丽莎白's 白 is no transliteration character).
        if (w.Tag is "nr" or "nrt" && prev.Word.Length >= 3 && PersonExtractor.IsTransliterated(prev.Word.AsSpan(0, 3)) && Venues.Contains(tokens[k].Word)) return prev.Start;
        return w.Tag is "ns" or "nz" || w.Freq < 50 && w.Tag is not ("v" or "a" or "d" or "m" or "q" or "r" or "p" or "c" or "f" or "t") ? prev.Start : null;
    }

    /// <summary>A word of at least two transliteration characters jieba hardly knows, right at <paramref name="touching"/>.</summary>
    private bool IsRareForeignPart(Token t, int touching) =>
        (t.Start == touching || t.End == touching) && t.Word.Length >= 2 && t.Word.All(Chars.IsHan) && PersonExtractor.IsTransliterated(t.Word)
        && !(lexicon.TryGetWord(t.Word, out var w) && (w.Freq >= 50 || w.Tag is not ("nr" or "nrt" or "ns" or "nz")));

    /// <summary>闻喜、绛县: a name in a 、-list next to a place already found before it or a division after it.</summary>
    /// <remarks>The neighbour must be a place by itself, not another county's everyday short name (富民、惠民、为民).</remarks>
    private bool InListOfPlaces(ReadOnlySpan<char> text, int start, int end)
    {
        if (end + 1 < text.Length && text[end] == '、')
            for (var len = Math.Min(text.Length - end - 1, 6); len >= 2; len--)
                if (IsListedPlace(text.Slice(end + 1, len))) return true;
        if (start >= 3 && text[start - 1] == '、')
            for (var len = Math.Min(start - 1, 6); len >= 2; len--)
                if (IsListedPlace(text.Slice(start - 1 - len, len))) return true;
        return false;
    }

    /// <summary>A province, prefecture, full county name, world place or a word jieba tags a place (华南, 贵州, 绛县).</summary>
    private bool IsListedPlace(ReadOnlySpan<char> name) =>
        IsKnownPlace(name) || lexicon.TryGetWord(name, out var w) && w.Tag == "ns" && !NotPlaces.Contains(name.ToString());

    /// <summary>
    /// 亚历山大·克瓦希涅夫斯基, 穆罕默德·阿里: a place's name that is one part of a ·-joined foreign name is no place there.
    /// Two places joined (中国·以色列) and a town's name (尼·伯尔切斯库镇) are left alone.
    /// </summary>
    private void MarkDottedNames(ArticleText at, bool[] covered)
    {
        if (!at.Text.Contains('·')) return;
        var tokens = at.Tokens;
        for (var k = 1; k + 1 < tokens.Count; k++)
        {
            if (tokens[k].Word != "·" || tokens[k - 1].End != tokens[k].Start || tokens[k + 1].Start != tokens[k].End) continue;
            var (left, right) = (tokens[k - 1], tokens[k + 1]);
            if (!left.Word.All(Chars.IsHan) || !right.Word.All(Chars.IsHan)) continue;
            // 尼·伯尔切斯库镇: the run of transliteration after the dot ends in a town's word.
            var runEnd = right.End;
            for (var j = k + 2; j < tokens.Count && tokens[j].Start == runEnd && tokens[j].Word.All(Chars.IsHan) && PersonExtractor.IsTransliterated(tokens[j].Word); j++) runEnd = tokens[j].End;
            if (runEnd < at.Text.Length && NamedPlaceEnds.Contains(at.Text[runEnd])) continue;
            if (IsNamedPlace(left.Word) && IsNamedPlace(right.Word)) continue;
            if (!IsForeignNamePart(left.Word) && !IsForeignNamePart(right.Word)) continue;
            Array.Fill(covered, true, left.Start, right.End - left.Start);
        }
    }

    /// <summary>A transliterated word or one jieba tags a person's name (克瓦希涅夫斯基, 阿里).</summary>
    private bool IsForeignNamePart(string word) =>
        !IsNamedPlace(word) && (word.Length >= 2 && PersonExtractor.IsTransliterated(word) || lexicon.TryGetWord(word, out var w) && w.Tag is "nr" or "nrt" or "nrfg");

    private bool IsNamedPlace(ReadOnlySpan<char> name) => lexicon.IsWorldPlace(name) || lexicon.Divisions.Find(name).Count > 0;

    /// <summary>
    /// 中非合作论坛, 中欧关系: China and Africa or Europe, no place. 中非 and 中欧 are the Central African Republic and Central
    /// Europe only before 共和国, 国家 or 地区, or in a list of places (中欧、东欧).
    /// </summary>
    private bool IsChinaWithRegion(ReadOnlySpan<char> text, int start, string word)
    {
        if (word is not ("中非" or "中欧")) return false;
        var rest = text[(start + 2)..];
        return !(rest.StartsWith("共和国", StringComparison.Ordinal) || rest.StartsWith("国家", StringComparison.Ordinal) || rest.StartsWith("地区", StringComparison.Ordinal)
            || rest.StartsWith("各国", StringComparison.Ordinal) || InListOfPlaces(text, start, start + 2));
    }

    /// <summary>Words around a county's short name that make it the place: 在/到/赴/从/去 before it, but not 在X上 (在平原上
    /// says where, not which county); a place beside it in a 、-list; a venue after it.</summary>
    private bool SaysPlace(string text, int start, int end) =>
        (IsPlaceContext(text, start, end) || start > 0 && text[start - 1] == '去') && !(end < text.Length && "上中里下".Contains(text[end]))
        || InListOfPlaces(text, start, end) || VenueAt(text.AsSpan(end));

    /// <summary>大兴国际机场: a venue right after a name.</summary>
    private static bool VenueAt(ReadOnlySpan<char> rest)
    {
        if (rest.StartsWith("国际", StringComparison.Ordinal)) rest = rest[2..];
        foreach (var v in VenueWords) if (rest.StartsWith(v, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>A word jieba's dictionary knows as something other than a place.</summary>
    private bool IsEverydayWord(string word) => lexicon.TryGetWord(word, out var w) && w.Tag != "ns";

    /// <summary>香港特区政府, 澳门特别行政区政府: the special region a government word names, or null.</summary>
    private string? SpecialRegionOfGovernment(string word)
    {
        if (word.Length < 6 || !word.EndsWith("政府", StringComparison.Ordinal)) return null;
        var region = word[..^2];
        return (region.EndsWith("特区", StringComparison.Ordinal) || region.EndsWith("特别行政区", StringComparison.Ordinal))
            && lexicon.TryGetWord(region, out var w) && w.Tag == "ns" ? region : null;
    }

    /// <summary>Words after a pair of countries that say the two countries (巴中关系, 巴中友谊, 巴中两国).</summary>
    private static readonly string[] RelationWords = ["关系", "友谊", "友好", "两国", "合作", "建交", "经贸", "双方", "人民", "战略"];

    /// <summary>
    /// 巴中关系: a division whose name is two countries' abbreviations (巴中, 英德) is Pakistan and China, not the city,
    /// before a word of relations between the two.
    /// </summary>
    private static bool IsPairBeforeRelation(ReadOnlySpan<char> text, int start, string name)
    {
        if (name.Length != 2 || !CountryAbbreviations.Contains(name[0]) || !CountryAbbreviations.Contains(name[1])) return false;
        var rest = text[(start + 2)..];
        foreach (var r in RelationWords) if (rest.StartsWith(r, StringComparison.Ordinal)) return true;
        return false;
    }

    private bool IsCountryPair(string word) =>
        word.Length == 2 && CountryAbbreviations.Contains(word[0]) && CountryAbbreviations.Contains(word[1])
        && !lexicon.IsWorldPlace(word) && !Regions.Contains(word) && lexicon.Divisions.Find(word).Count == 0;

    private bool EndsWithCurrency(string word)
    {
        if (!CurrencyEnds.Contains(word[^1])) return false;
        foreach (var c in Currencies)
            if (word.Length > c.Length + 1 && word.EndsWith(c, StringComparison.Ordinal) && IsRegion(word[..^c.Length])) return true;
        return false;
    }

    private static readonly System.Buffers.SearchValues<char> KindEnds = System.Buffers.SearchValues.Create([.. PlaceKindsBefore.Select(k => k[^1])]);
    private static readonly System.Buffers.SearchValues<char> CurrencyEnds = System.Buffers.SearchValues.Create([.. Currencies.Select(c => c[^1])]);

    private static bool EndsWithKind(string word)
    {
        if (!KindEnds.Contains(word[^1])) return false;
        foreach (var kind in PlaceKindsBefore) if (word.EndsWith(kind, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// Transliterated names right after a kind of place (城市, 首都, 胜地): the run of transliteration words, two to six
    /// characters, ending where the cut ends a word and no everyday word (freq ≥ 500) opening it. Name → its first start.
    /// </summary>
    private Dictionary<string, int> PlaceAfterKind(ArticleText at, bool[] covered)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = at.Tokens;
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            if (!EndsWithKind(tokens[k].Word) || tokens[k + 1].Start != tokens[k].End) continue;
            var from = tokens[k + 1].Start;
            var end = from;
            for (var j = k + 1; j < tokens.Count && j <= k + 4 && tokens[j].Start == end && tokens[j].Word.All(Chars.IsHan) && PersonExtractor.IsTransliterated(tokens[j].Word); j++)
                end = tokens[j].End;
            if (end - from < 2 || end - from > 6 || covered[from]) continue;
            if (at.TryGetWord(k + 1, out var first) && first.Freq >= 500 && first.Tag is not ("ns" or "nr" or "nrt")) continue;
            found.TryAdd(at.Text[from..end], from);
        }
        return found;
    }

    /// <summary>卡拉奇多云 in a weather table, read as a name: a world place and a word of its own after it.</summary>
    private bool OpensWithWorldPlace(string name)
    {
        for (var n = 2; n <= name.Length - 2; n++)
        {
            if (!lexicon.IsWorldPlace(name.AsSpan(0, n))) continue;
            var rest = name[n..];
            if (Weather.Contains(rest) || lexicon.TryGetWord(rest, out var w) && w.Tag is not ("nr" or "nrfg" or "nrt")) return true;
        }
        return false;
    }

    /// <summary>Weather words after a city in a forecast table (卡拉奇多云, jieba tags 多云 a name).</summary>
    private static readonly HashSet<string> Weather = ["多云", "阴天", "小雨", "中雨", "大雨", "阵雨", "雷雨", "小雪", "晴朗"];

    private bool IsRegion(string name) =>
        Regions.Contains(name) || lexicon.IsWorldPlace(name) || lexicon.TryGetWord(name, out var w) && w.Tag == "ns";

    /// <summary>
    /// Length of the world place starting at token <paramref name="token"/>, or 0. It ends where the cut ends a word, or
    /// inside the token where the rest is a word of its own or a demonym's 人/方 (印度政府, 中国国情, 美国人); so 吉隆坡
    /// holds no 吉隆 and 印度洋 no 印度.
    /// </summary>
    private int WorldPlaceAt(ReadOnlySpan<char> text, Token token, bool[] wordEnd)
    {
        var i = token.Start;
        // 中东问题: a region papers abbreviate, glued to a word of its own.
        if (token.Word.Length >= 4 && RegionFirstChars.Contains(text[i]))
            foreach (var r in Regions)
                if (token.Word.StartsWith(r, StringComparison.Ordinal) && lexicon.TryGetWord(token.Word.AsSpan(r.Length), out var tail) && tail.Tag is not ("ns" or "nr")) return r.Length;
        for (var len = Math.Min(lexicon.LongestWorldPlaceFrom(text[i]), text.Length - i); len >= 2; len--)
        {
            if (!lexicon.IsWorldPlace(text.Slice(i, len))) continue;
            if (wordEnd[i + len]) return len;
            if (i + len > token.End) continue;
            var rest = text[(i + len)..token.End];
            if (rest.Length == 1 ? "人方籍军".Contains(rest[0]) : lexicon.TryGetWord(rest, out _) && !(lexicon.TryGetWord(token.Word, out var whole) && whole.Tag == "ns"))
                return len;
        }
        return 0;
    }

    /// <summary>Words around a name that make it a place: 在/到/赴 or 首都/城市 before it, 市/州/港… right after it.</summary>
    internal static bool IsPlaceContext(string text, int start, int end)
    {
        // 在巴金家中: someone's home.
        if (end < text.Length && text[end] == '家') return false;
        // 在费尔南德斯看来, 在克林顿眼里: someone's view.
        if (end + 2 <= text.Length && text.AsSpan(end, 2) is "看来" or "眼里" or "眼中" or "心中" or "心里" or "身上" or "手中" or "手里" or "面前" or "身边") return false;
        if (start > 0 && "在到赴抵于往经从至".Contains(text[start - 1])) return true;
        if (start >= 2 && text.AsSpan(start - 2, 2) is "首都" or "城市" or "访问" or "抵达" or "前往" or "来自") return true;
        return end < text.Length && "市州省县港城湾岛河山湖".Contains(text[end]);
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

    /// <summary>Last characters of place names: a rare ns word ending in one may still be a place (六圩 no, 尖沙咀 no, 石堰 yes).</summary>
    // Not 国: rare ns phrases end in it more than rare countries do (依法治国, 德治国).
    private static readonly HashSet<char> PlaceNameEnds = [.. "山河江湖海洋岛港湾州城村镇乡县市省区路街道桥门寺庙宫园馆站场洲峡原漠峰岭谷关坝渠泉池林屯寨堡庄口滩坡塘溪涧沟崖洞台楼阁殿塔院府郡邦陵坪坑埠墩岗垭嘴咀角礁渡集营旗盟圩堰地"];

    /// <summary>
    /// jieba tags thousands of rare phrases ns that are no place (热烈祝贺, 法治化, 重大意义, 嫩嫩, 沧桑感): an ns word jieba
    /// has seen at most a few times counts only if it ends like a place or reads as a transliteration (雅浦, 印第安那波利斯).
    /// </summary>
    private bool IsRarePhrase(string word, WordInfo w) =>
        w.Freq <= RareNsFreq && !PlaceNameEnds.Contains(word[^1]) && !PersonExtractor.IsTransliterated(word) && !IsStateName(word);

    /// <summary>A country's full name: a world place and its 共和国, 王国 or 公国 (巴西联邦共和国, 柬埔寨王国).</summary>
    private bool IsStateName(string word)
    {
        if (word.Length < 4 || word[^1] != '国') return false;
        for (var len = 2; len <= word.Length - 2; len++) if (lexicon.IsWorldPlace(word.AsSpan(0, len))) return true;
        return false;
    }

    private const int RareNsFreq = 10;

    /// <summary>A province or prefecture, a county by its full name, a world place, or an ns word jieba knows well that ends
    /// like a place (黄浦江, 中南海).</summary>
    private bool IsKnownPlace(ReadOnlySpan<char> name, bool placeWords = true)
    {
        if (name.Length < 2) return false;
        if (CelestialEnds.Contains(name[^1]) && Celestial.Contains(name.ToString())) return true;
        // A county by its short name is too often a word (新华, 建平); provinces, prefectures and full names are not.
        foreach (var d in lexicon.Divisions.Find(name)) if (d.Level < 2 || name.SequenceEqual(d.Name)) return true;
        return lexicon.IsWorldPlace(name) || placeWords && PlaceNameEnds.Contains(name[^1]) && lexicon.TryGetWord(name, out var w) && w.Tag == "ns" && w.Freq > RareNsFreq && !NotPlaces.Contains(name.ToString());
    }

    /// <summary>
    /// The places inside a rare ns phrase: a known place opening it, with a word after it (香港回归, 黄浦江畔) or a second
    /// place (辽宁沈阳, 英国伦敦); failing that, a known place closing it after a word (首都北京). (start, length) of each, 0 when none.
    /// </summary>
    /// <param name="ns">An ns phrase may also close with a place (首都北京) and open with a place word jieba knows; a noun
    /// only opens with a division, world place or planet (地球磁场).</param>
    private (int, int, int, int) PlacesInPhrase(string word, bool ns)
    {
        for (var len = word.Length - 1; len >= 2; len--)
        {
            if (!IsKnownPlace(word.AsSpan(0, len), ns)) continue;
            var rest = word.AsSpan(len);
            if (IsKnownPlace(rest, ns)) return (0, len, len, rest.Length);
            if (lexicon.TryGetWord(rest, out _) || rest is "畔" or "边") return (0, len, 0, 0);
        }
        for (var from = 1; ns && from <= word.Length - 2; from++)
            if (IsKnownPlace(word.AsSpan(from)) && lexicon.TryGetWord(word.AsSpan(0, from), out _)) return (from, word.Length - from, 0, 0);
        return (0, 0, 0, 0);
    }

    private bool IsSuffixedPlace(string word)
    {
        foreach (var s in PlaceSuffixes)
        {
            // A suffix alone or with one character before it (高山, 上岛) is too often an ordinary word.
            if (word.Length < s.Length + 2 || !word.EndsWith(s, StringComparison.Ordinal)) continue;
            // 气吞山河, 愚公移山, 异国他乡: an idiom or set phrase jieba knows ends like a place but is none.
            if (lexicon.TryGetWord(word, out var whole) && whole.Tag is "i" or "l" or "v" or "a" or "ad" or "d") return false;
            // 贫困村, 示范村: an everyday word before 村 makes a kind of village, not one.
            return s.Length > 1 || !(lexicon.TryGetWord(word.AsSpan(0, word.Length - 1), out var w) && w.Freq >= 500);
        }
        return false;
    }
}
