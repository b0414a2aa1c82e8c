using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Lexicon;
using Broadsheet.Enrichment.Text;

namespace Broadsheet.Enrichment.Extractors;

/// <summary>
/// Keywords: TF-IDF (jieba's idf.txt) and TextRank (co-occurrence within five words) over the article's words, each
/// normalised to 1 and averaged; headline words count three times. Candidates are nouns, place and other proper names,
/// verbal nouns and words jieba doesn't know, at least two characters; stop words and newsroom boilerplate (本报, 记者,
/// 近日) are out. A noun glued to a single-character noun before it is one term (碳 + 材料 → 碳材料).
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
        var result = new List<(string, bool)>();
        for (var k = 0; k < tokens.Count; k++)
        {
            var tok = tokens[k];
            var word = tok.Word;
            // 碳 + 材料: a one-character noun jieba left on its own, fused with the noun after it.
            var isolated = k == 0 || tokens[k - 1].Word.Length > 1 || !Chars.IsHan(tokens[k - 1].Word[0]);
            if (word.Length == 1 && isolated && k + 1 < tokens.Count && tokens[k + 1].Start == tok.End && IsNounChar(word) && IsNoun(tokens[k + 1].Word))
            {
                word += tokens[k + 1].Word;
                k++;
            }
            if (IsCandidate(word)) result.Add((word, at.InHeadline(tok.Start)));
        }
        return result;
    }

    /// <summary>市, 局, 部: markers of a body's name, not the first half of a term.</summary>
    private const string NotFused = "市省县区镇乡村局部委厅处科室办院校所站队组党团会";

    private bool IsNounChar(string w) => !NotFused.Contains(w[0]) && lexicon.TryGetWord(w, out var info) && info.Tag == "n" && !lexicon.IsStopWord(w);

    private bool IsNoun(string w) => w.Length >= 2 && lexicon.TryGetWord(w, out var info) && info.Tag is "n" or "nz";

    private bool IsCandidate(string word)
    {
        if (word.Length < 2 || lexicon.IsStopWord(word)) return false;
        if (!word.All(c => Chars.IsHan(c) || char.IsAsciiLetter(c))) return false;
        if (!lexicon.TryGetWord(word, out var info)) return true; // fused or unknown words are often the topic
        return KeptTags.Contains(info.Tag);
    }

    /// <summary>PageRank over the undirected co-occurrence graph of candidate terms (d = 0.85, 10 rounds).</summary>
    private static Dictionary<string, double> TextRank(List<string> sequence)
    {
        var edges = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Count; i++)
        {
            for (var j = i + 1; j < Math.Min(sequence.Count, i + Window); j++)
            {
                if (sequence[i] == sequence[j]) continue;
                Link(sequence[i], sequence[j]);
                Link(sequence[j], sequence[i]);
            }
        }
        void Link(string a, string b)
        {
            if (!edges.TryGetValue(a, out var out_)) edges[a] = out_ = new(StringComparer.Ordinal);
            out_[b] = out_.GetValueOrDefault(b) + 1;
        }
        if (edges.Count == 0) return [];

        var outSum = edges.ToDictionary(e => e.Key, e => e.Value.Values.Sum(), StringComparer.Ordinal);
        var score = edges.Keys.ToDictionary(k => k, _ => 1.0 / edges.Count, StringComparer.Ordinal);
        for (var round = 0; round < 10; round++)
        {
            var next = new Dictionary<string, double>(score.Count, StringComparer.Ordinal);
            foreach (var (node, neighbours) in edges)
            {
                var sum = 0.0;
                foreach (var (other, w) in neighbours) sum += w / outSum[other] * score[other];
                next[node] = 0.15 + 0.85 * sum;
            }
            score = next;
        }
        return score;
    }
}
