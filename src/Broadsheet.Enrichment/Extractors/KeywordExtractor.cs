using System.Runtime.InteropServices;
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
    /// <summary>Tags of candidate words (a pattern: the compiler switches on length and characters, no hashing).</summary>
    private static bool IsKeptTag(string tag) => tag is "n" or "nr" or "nrt" or "nrfg" or "ns" or "nt" or "nz" or "nw" or "vn" or "an" or "l" or "j" or "i" or "eng" or "x";

    public List<Keyword> Extract(ArticleText at, int top = 10)
    {
        var terms = Candidates(at);
        if (terms.Count == 0) return [];

        // Each distinct term gets a number in order of first appearance; the rest runs over arrays indexed by it.
        var ids = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        var sequence = new int[terms.Count];
        var tf = new double[terms.Count];
        // A term that is one dictionary word carries its entry from the cut: its IDF needs no look-up by text.
        var wordIds = new int[terms.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            var (term, inHeadline, wordId) = terms[i];
            if (!ids.TryGetValue(term, out var id)) { ids[term] = id = ids.Count; wordIds[id] = wordId; }
            tf[id] += inHeadline ? HeadlineWeight : 1;
            sequence[i] = id;
        }
        var names = new string[ids.Count];
        foreach (var (term, id) in ids) names[id] = term;
        var total = 0.0;
        for (var id = 0; id < names.Length; id++) total += tf[id];
        var tfidf = new double[names.Length];
        var maxTfidf = double.MinValue;
        for (var id = 0; id < names.Length; id++)
            maxTfidf = Math.Max(maxTfidf, tfidf[id] = tf[id] / total * (wordIds[id] >= 0 ? lexicon.IdfAt(wordIds[id]) : lexicon.Idf(names[id])));
        var rank = TextRank(sequence, names.Length);
        var maxRank = 1.0;
        if (rank is not null) { maxRank = double.MinValue; foreach (var r in rank) maxRank = Math.Max(maxRank, r); }

        var scores = new double[names.Length];
        var order = new int[names.Length];
        for (var id = 0; id < names.Length; id++)
        {
            scores[id] = 0.5 * tfidf[id] / maxTfidf + 0.5 * (rank is null ? 0 : rank[id]) / maxRank;
            order[id] = id;
        }
        // Best score first; terms are distinct, so the order is total and the same however it is sorted.
        Array.Sort(order, (x, y) => scores[x] != scores[y] ? scores[y].CompareTo(scores[x]) : string.CompareOrdinal(names[x], names[y]));
        // Weights relative to the best term (1.0), so they compare across articles of any length.
        var best = scores[order[0]];
        var keywords = new List<Keyword>(Math.Min(top, order.Length));
        for (var i = 0; i < order.Length && i < top; i++) keywords.Add(new Keyword(names[order[i]], Math.Round(scores[order[i]] / best, 3)));
        return keywords;
    }

    /// <summary>Candidate terms in text order, each flagged when it is in the headline, with its word id when it is one token's dictionary word (else -1).</summary>
    internal List<(string Term, bool InHeadline, int WordId)> Candidates(ArticleText at)
    {
        var tokens = at.Tokens;
        // The cut already knows which tokens are dictionary words; the fusion and candidate tests reuse that.
        bool Known(int k) => at.WordId(k) >= 0;

        // Collocations: two nouns side by side three times or more are one term here (技能 + 人才 → 技能人才), keyed by word ids.
        Dictionary<long, int>? pairs = null;
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            if (!IsPairNoun(k) || !IsPairNoun(k + 1) || tokens[k + 1].Start != tokens[k].End) continue;
            pairs ??= [];
            var key = PairKey(k);
            pairs[key] = pairs.GetValueOrDefault(key) + 1;
        }

        var result = new List<(string, bool, int)>(tokens.Count / 2);
        for (var k = 0; k < tokens.Count; k++)
        {
            var tok = tokens[k];
            var word = tok.Word;
            bool isKnown = at.TryGetWord(k, out var info);
            if (pairs is not null && isKnown && k + 1 < tokens.Count && Known(k + 1) && tokens[k + 1].Start == tok.End
                && pairs.GetValueOrDefault(PairKey(k)) >= 3)
            {
                result.Add((word + tokens[k + 1].Word, at.InHeadline(tok.Start), -1));
                k++;
                continue;
            }
            // 碳 + 材料: a one-character noun jieba left on its own, fused with the noun after it.
            if (word.Length == 1 && k + 1 < tokens.Count && tokens[k + 1].Start == tok.End
                && (k == 0 || tokens[k - 1].Word.Length > 1 || !Chars.IsHan(tokens[k - 1].Word[0]))
                && isKnown && info.Tag == "n" && !NotFused.Contains(word[0]) && !lexicon.IsStopWord(word)
                && tokens[k + 1].Word.Length >= 2 && at.TryGetWord(k + 1, out var nextInfo) && nextInfo.Tag is "n" or "nz")
            {
                word += tokens[k + 1].Word;
                isKnown = false;
                k++;
            }
            if (IsCandidate(word, isKnown, info)) result.Add((word, at.InHeadline(tok.Start), isKnown ? at.WordId(k) : -1));
        }
        return result;

        bool IsPairNoun(int k) => at.TryGetWord(k, out var info) && tokens[k].Word.Length >= 2 && info.Tag is "n" or "vn" or "nz" && !lexicon.IsStopWord(tokens[k].Word);
        long PairKey(int k) => (long)at.WordId(k) << 32 | (uint)at.WordId(k + 1);
    }

    /// <summary>市, 局, 部: markers of a body's name, not the first half of a term.</summary>
    private const string NotFused = "市省县区镇乡村局部委厅处科室办院校所站队组党团会";

    private bool IsCandidate(string word, bool known, WordInfo info)
    {
        if (word.Length < 2) return false;
        foreach (var c in word) if (!Chars.IsHan(c) && !char.IsAsciiLetter(c)) return false;
        if (lexicon.IsStopWord(word) || IsTitle(word)) return false;
        return !known || IsKeptTag(info.Tag); // fused or unknown words are often the topic
    }

    /// <summary>Posts (县长, 党组书记, 局局长) say who speaks, not what the story is about; roles like 游客 or 村民 may be the topic.</summary>
    private bool IsTitle(string word)
    {
        if (word[^1] is not ('长' or '记' or '任' or '席' or '理')) return false;
        for (var start = 0; start <= word.Length - 2; start++)
            if (lexicon.IsTitle(word.AsSpan(start))) return true;
        return false;
    }

    /// <summary>
    /// PageRank over the undirected co-occurrence graph of candidate terms (d = 0.85, 10 rounds), on term ids and arrays;
    /// null when no two terms stand together.
    /// </summary>
    private static double[]? TextRank(int[] seq, int n)
    {
        // Edges in order of first co-occurrence (so the sums below add up in the same order every time), found by pair key.
        // At most one edge per pair of terms within a window, and per pair of distinct terms.
        var edgeOf = new PairIndex((int)Math.Min(seq.Length * (Window - 1L), n * (n - 1L) / 2));
        var edgeA = new List<int>();
        var edgeB = new List<int>();
        var edgeW = new List<double>();
        for (var i = 0; i < seq.Length; i++)
        {
            for (var j = i + 1; j < Math.Min(seq.Length, i + Window); j++)
            {
                if (seq[i] == seq[j]) continue;
                var (a, b) = seq[i] < seq[j] ? (seq[i], seq[j]) : (seq[j], seq[i]);
                var e = edgeOf.GetOrAdd(a, b, edgeW.Count);
                if (e < edgeW.Count) { edgeW[e] += 1; continue; }
                edgeA.Add(a);
                edgeB.Add(b);
                edgeW.Add(1);
            }
        }
        if (edgeW.Count == 0) return null;

        var outSum = new double[n];
        for (var e = 0; e < edgeW.Count; e++) { outSum[edgeA[e]] += edgeW[e]; outSum[edgeB[e]] += edgeW[e]; }
        var score = new double[n];
        Array.Fill(score, 1.0 / n);
        var next = new double[n];
        var edges = edgeW.Count;
        // w / outSum is the same every round: divided once per edge (the products below are then the same to the bit).
        var fromB = new double[edges];
        var fromA = new double[edges];
        for (var e = 0; e < edges; e++) { fromB[e] = edgeW[e] / outSum[edgeB[e]]; fromA[e] = edgeW[e] / outSum[edgeA[e]]; }
        var ends0 = CollectionsMarshal.AsSpan(edgeA);
        var ends1 = CollectionsMarshal.AsSpan(edgeB);
        for (var round = 0; round < 10; round++)
        {
            Array.Fill(next, 0);
            for (var e = 0; e < edges; e++)
            {
                int a = ends0[e], b = ends1[e];
                next[a] += fromB[e] * score[b];
                next[b] += fromA[e] * score[a];
            }
            for (var i = 0; i < n; i++) score[i] = outSum[i] > 0 ? 0.15 + 0.85 * next[i] : 0;
        }
        return score;
    }

    /// <summary>Numbers of pairs of term ids, by open addressing over flat arrays: TextRank asks it for every pair in every window.</summary>
    private sealed class PairIndex
    {
        private readonly long[] _keys;
        private readonly int[] _values;

        public PairIndex(int pairs)
        {
            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, pairs * 2));
            _keys = new long[size];
            _values = new int[size];
        }

        /// <summary>The number given to (a, b) before, else <paramref name="next"/>, which it then gets.</summary>
        public int GetOrAdd(int a, int b, int next)
        {
            var key = ((long)a << 32 | (uint)b) + 1; // 0 marks an empty slot
            var mask = _keys.Length - 1;
            for (var slot = (int)((ulong)key * 0x9E3779B97F4A7C15UL >> 32) & mask; ; slot = (slot + 1) & mask)
            {
                if (_keys[slot] == key) return _values[slot];
                if (_keys[slot] != 0) continue;
                _keys[slot] = key;
                _values[slot] = next;
                return next;
            }
        }
    }
}
