using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Lexicon;
using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Extractors;

/// <summary>
/// Keywords: TF-IDF (jieba's idf.txt) and TextRank (co-occurrence within five words) over the article's words, each
/// normalised to 1 and averaged; headline words count three times. Candidates are nouns, place and other proper names,
/// verbal nouns and words jieba doesn't know, at least two characters; stop words and newsroom boilerplate (本报, 记者,
/// 近日) are out. A noun glued to a single-character noun before it is one term (碳 + 材料 → 碳材料), and so are two nouns
/// that stand together three times or more (技能 + 人才 → 技能人才).
/// </summary>
internal sealed class KeywordExtractor(NewsroomLexicon lexicon)
{
    private const int Window = 5;
    private const int HeadlineWeight = 3;
    private static readonly HashSet<string> KeptTags = ["n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "nw", "vn", "an", "l", "j", "i", "eng", "x"];

    public List<Keyword> Extract(ArticleText at, int top = 10)
    {
        var terms = Candidates(at);
        if (terms.Count == 0) return [];

        var tf = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (term, inHeadline) in terms) tf[term] = tf.GetValueOrDefault(term) + (inHeadline ? HeadlineWeight : 1);
        var total = tf.Values.Sum();
        var tfidf = tf.ToDictionary(kv => kv.Key, kv => kv.Value / total * lexicon.Idf(kv.Key), StringComparer.Ordinal);
        var rank = TextRank(terms.Select(t => t.Term).ToList());

        var maxTfidf = tfidf.Values.Max();
        var maxRank = rank.Values.DefaultIfEmpty(1).Max();
        var ranked = tfidf
            .Select(kv => (Term: kv.Key, Score: 0.5 * kv.Value / maxTfidf + 0.5 * rank.GetValueOrDefault(kv.Key) / maxRank))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Term, StringComparer.Ordinal)
            .Take(top)
            .ToList();
        // Weights relative to the best term (1.0), so they compare across articles of any length.
        var best = ranked[0].Score;
        return ranked.Select(x => new Keyword(x.Term, Math.Round(x.Score / best, 3))).ToList();
    }

    /// <summary>Candidate terms in text order, each flagged when it is in the headline.</summary>
    internal List<(string Term, bool InHeadline)> Candidates(ArticleText at)
    {
        var tokens = at.Tokens;
        // One dictionary look-up per token, reused by the fusion and candidate tests.
        var known = new bool[tokens.Count];
        var infos = new WordInfo[tokens.Count];
        for (var k = 0; k < tokens.Count; k++) known[k] = lexicon.TryGetWord(tokens[k].Word, out infos[k]);

        // Collocations: two nouns side by side three times or more are one term here (技能 + 人才 → 技能人才).
        var pairs = new Dictionary<(string, string), int>();
        for (var k = 0; k + 1 < tokens.Count; k++)
            if (IsPairNoun(k) && IsPairNoun(k + 1) && tokens[k + 1].Start == tokens[k].End)
                pairs[(tokens[k].Word, tokens[k + 1].Word)] = pairs.GetValueOrDefault((tokens[k].Word, tokens[k + 1].Word)) + 1;

        var result = new List<(string, bool)>(tokens.Count / 2);
        for (var k = 0; k < tokens.Count; k++)
        {
            var tok = tokens[k];
            var word = tok.Word;
            bool isKnown = known[k];
            var info = infos[k];
            if (pairs.Count > 0 && k + 1 < tokens.Count && tokens[k + 1].Start == tok.End && pairs.GetValueOrDefault((word, tokens[k + 1].Word)) >= 3)
            {
                result.Add((word + tokens[k + 1].Word, at.InHeadline(tok.Start)));
                k++;
                continue;
            }
            // 碳 + 材料: a one-character noun jieba left on its own, fused with the noun after it.
            if (word.Length == 1 && k + 1 < tokens.Count && tokens[k + 1].Start == tok.End
                && (k == 0 || tokens[k - 1].Word.Length > 1 || !Chars.IsHan(tokens[k - 1].Word[0]))
                && isKnown && info.Tag == "n" && !NotFused.Contains(word[0]) && !lexicon.IsStopWord(word)
                && tokens[k + 1].Word.Length >= 2 && known[k + 1] && infos[k + 1].Tag is "n" or "nz")
            {
                word += tokens[k + 1].Word;
                isKnown = false;
                k++;
            }
            if (IsCandidate(word, isKnown, info)) result.Add((word, at.InHeadline(tok.Start)));
        }
        return result;

        bool IsPairNoun(int k) => known[k] && tokens[k].Word.Length >= 2 && infos[k].Tag is "n" or "vn" or "nz" && !lexicon.IsStopWord(tokens[k].Word);
    }

    /// <summary>市, 局, 部: markers of a body's name, not the first half of a term.</summary>
    private const string NotFused = "市省县区镇乡村局部委厅处科室办院校所站队组党团会";

    private bool IsCandidate(string word, bool known, WordInfo info)
    {
        if (word.Length < 2) return false;
        foreach (var c in word) if (!Chars.IsHan(c) && !char.IsAsciiLetter(c)) return false;
        if (lexicon.IsStopWord(word) || IsTitle(word)) return false;
        return !known || KeptTags.Contains(info.Tag); // fused or unknown words are often the topic
    }

    /// <summary>Posts (县长, 党组书记, 局局长) say who speaks, not what the story is about; roles like 游客 or 村民 may be the topic.</summary>
    private bool IsTitle(string word)
    {
        if (word[^1] is not ('长' or '记' or '任' or '席' or '理')) return false;
        for (var start = 0; start <= word.Length - 2; start++)
            if (lexicon.IsTitle(word.AsSpan(start))) return true;
        return false;
    }

    /// <summary>PageRank over the undirected co-occurrence graph of candidate terms (d = 0.85, 10 rounds), on int ids and arrays.</summary>
    private static Dictionary<string, double> TextRank(List<string> sequence)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var seq = new int[sequence.Count];
        for (var i = 0; i < seq.Length; i++)
        {
            if (!ids.TryGetValue(sequence[i], out var id)) ids[sequence[i]] = id = ids.Count;
            seq[i] = id;
        }
        var n = ids.Count;
        var weights = new Dictionary<long, double>();
        for (var i = 0; i < seq.Length; i++)
        {
            for (var j = i + 1; j < Math.Min(seq.Length, i + Window); j++)
            {
                if (seq[i] == seq[j]) continue;
                var (a, b) = seq[i] < seq[j] ? (seq[i], seq[j]) : (seq[j], seq[i]);
                var key = (long)a << 32 | (uint)b;
                weights[key] = weights.GetValueOrDefault(key) + 1;
            }
        }
        if (weights.Count == 0) return [];

        // The edges as arrays, in the dictionary's order (so sums add up in the same order as before): ten rounds over
        // arrays instead of ten enumerations of the dictionary.
        var edgeA = new int[weights.Count];
        var edgeB = new int[weights.Count];
        var edgeW = new double[weights.Count];
        var e = 0;
        foreach (var (key, w) in weights) { edgeA[e] = (int)(key >> 32); edgeB[e] = (int)(key & 0xffffffff); edgeW[e++] = w; }
        var outSum = new double[n];
        for (e = 0; e < edgeW.Length; e++) { outSum[edgeA[e]] += edgeW[e]; outSum[edgeB[e]] += edgeW[e]; }
        var score = new double[n];
        Array.Fill(score, 1.0 / n);
        var next = new double[n];
        for (var round = 0; round < 10; round++)
        {
            Array.Fill(next, 0);
            for (e = 0; e < edgeW.Length; e++)
            {
                int a = edgeA[e], b = edgeB[e];
                var w = edgeW[e];
                next[a] += w / outSum[b] * score[b];
                next[b] += w / outSum[a] * score[a];
            }
            for (var i = 0; i < n; i++) score[i] = outSum[i] > 0 ? 0.15 + 0.85 * next[i] : 0;
        }
        return ids.ToDictionary(kv => kv.Key, kv => score[kv.Value], StringComparer.Ordinal);
    }
}
