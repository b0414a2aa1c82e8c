using System.Text;
using Broadsheet.Core.Layout;
using Broadsheet.Core.Text;
using Broadsheet.Enrichment.Lexicon;

namespace Broadsheet.Search;

/// <summary>
/// Search terms from the enrichment's segmentation (jieba's plain cut over the newsroom lexicon), used for both
/// indexing and `q`, so a query is cut exactly like the text it should find:
/// - dictionary words as they are, plus the dictionary words of two or three characters inside a longer word
///   (人力资源社会保障局 is also found by 社会保障), as jieba's search mode does;
/// - runs of single characters — what the cut leaves of words it doesn't know, typically names — as overlapping
///   bigrams (刘/东/利 → 刘东, 东利), so unknown names are still found as a sequence, not as loose characters; a
///   character is a code point, so 刘𪚥利 → 刘𪚥, 𪚥利 (the segmenter never cuts a surrogate pair);
/// - Latin and digit words lower-cased; punctuation and spaces dropped.
/// </summary>
public sealed class LexiconSearchTokenizer(NewsroomLexicon lexicon) : ISearchTokenizer
{
    public IEnumerable<string> Tokenize(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var terms = new List<string>();
        var run = new List<string>();
        foreach (var token in lexicon.Cut(text.Normalize(NormalizationForm.FormKC)))
        {
            var word = token.Word;
            if (Chars.IsOneHan(word))
            {
                run.Add(word);
                continue;
            }
            Flush(run, terms);
            if (!word.Any(char.IsLetterOrDigit)) continue;
            if (!word.Any(Chars.IsHan))
            {
                terms.Add(word.ToLowerInvariant());
                continue;
            }
            terms.Add(word.ToLowerInvariant());
            if (word.Length < 3) continue;
            for (var n = 2; n <= 3 && n < word.Length; n++)
                for (var i = 0; i + n <= word.Length; i++)
                    if (lexicon.TryGetWord(word.AsSpan(i, n), out _)) terms.Add(word.Substring(i, n));
        }
        Flush(run, terms);
        return terms;
    }

    private static void Flush(List<string> run, List<string> terms)
    {
        if (run.Count == 1) terms.Add(run[0]);
        for (var i = 0; i + 1 < run.Count; i++) terms.Add(run[i] + run[i + 1]);
        run.Clear();
    }
}
