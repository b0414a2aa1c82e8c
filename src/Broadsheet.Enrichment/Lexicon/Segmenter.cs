using System.Buffers;

namespace Broadsheet.Enrichment.Lexicon;

/// <summary>
/// jieba's accurate mode without HMM (jieba.NET's <c>Cut(text, hmm: false)</c>), over <see cref="WordTable"/>: runs of
/// Han, ASCII letters, digits and <c>+#&amp;._%·-</c> are cut along the most probable path through the dictionary's
/// word graph; single letters and digits the path leaves alone are joined back up; everything else comes out one
/// character a token, except "\r\n", which is one, and a character outside the BMP, which is one as in Python's jieba
/// (jieba.NET cuts its surrogate pair in two). Otherwise the tokens are the same as jieba.NET's (a test checks this
/// against jieba.NET over the sample issue and random text), with their offsets, and without jieba.NET's per-call
/// regexes, dictionaries and substrings.
/// </summary>
public sealed class Segmenter(WordTable words)
{
    private readonly double _logTotal = Math.Log(words.TotalFrequency);

    public List<Token> Cut(string text) => Cut(text, null);

    /// <summary>
    /// The cut, and into <paramref name="wordIds"/> (when given) each token's entry in the word table when it is a word of
    /// jieba's dictionary (frequency above 0), else -1: the extractors look tokens up by it instead of by their text.
    /// </summary>
    public List<Token> Cut(string text, List<int>? wordIds)
    {
        var tokens = new List<Token>(text.Length / 2 + 1);
        // The path arrays of every block, rented once for the whole text (a block is at most all of it).
        var buffers = new PathBuffers(text.Length + 1);
        try
        {
            var i = 0;
            while (i < text.Length)
            {
                if (IsBlockChar(text[i]))
                {
                    var end = i + 1;
                    while (end < text.Length && IsBlockChar(text[end])) end++;
                    CutBlock(text, i, end, tokens, wordIds, buffers);
                    i = end;
                }
                else
                {
                    // "\r\n" is one token, and so is a surrogate pair: a character outside the BMP (𪚥, 😀) is never cut.
                    var width = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' || char.IsSurrogatePair(text, i) ? 2 : 1;
                    tokens.Add(new Token(i, Word(text, i, width)));
                    wordIds?.Add(WordId(text.AsSpan(i, width)));
                    i += width;
                }
            }
        }
        finally
        {
            buffers.Return();
        }
        return tokens;
    }

    private readonly struct PathBuffers(int length)
    {
        public readonly int[] Next = ArrayPool<int>.Shared.Rent(length);
        public readonly int[] NextEntry = ArrayPool<int>.Shared.Rent(length);
        public readonly double[] Score = ArrayPool<double>.Shared.Rent(length);

        public void Return()
        {
            ArrayPool<int>.Shared.Return(Next);
            ArrayPool<int>.Shared.Return(NextEntry);
            ArrayPool<double>.Shared.Return(Score);
        }
    }

    /// <summary>
    /// This thread's last word-table steps, by (entry, next character), with the log of the frequency: news text repeats its
    /// words, and this table (384 KB) stays in the core's cache where the word table (16 MB) cannot. One per thread, as the
    /// lexicon is shared across threads; tied to one word table.
    /// </summary>
    private sealed class StepCache(WordTable owner)
    {
        public const int Bits = 14;
        public readonly WordTable Owner = owner;
        public readonly Step[] Slots = new Step[1 << Bits];
    }

    private struct Step
    {
        /// <summary>((entry + 1) &lt;&lt; 16 | character) + 1; 0 is an empty slot.</summary>
        public long Key;
        public int Child;
        public int Freq;
        public double LogFreq;
    }

    [ThreadStatic] private static StepCache? t_steps;

    /// <summary>One string per character for one-character tokens (punctuation, particles: a third of all tokens), made on first use.</summary>
    private static readonly string?[] OneCharacter = new string?[char.MaxValue + 1];

    private static string Word(string text, int start, int length)
    {
        if (length != 1) return text.Substring(start, length);
        var c = text[start];
        return OneCharacter[c] ??= c.ToString();
    }

    /// <summary>The word table's entry for a dictionary word (frequency above 0), else -1.</summary>
    private int WordId(ReadOnlySpan<char> word)
    {
        var entry = WordTable.Root;
        foreach (var c in word) if ((entry = words.Child(entry, c)) < 0) return -1;
        return words.FrequencyOf(entry) > 0 ? entry : -1;
    }

    /// <summary>jieba's <c>[\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._%·\-]</c>.</summary>
    private static bool IsBlockChar(char c) =>
        c is >= '\u4E00' and <= '\u9FD5' || char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_' or '%' or '·' or '-';

    /// <summary>The most probable path through the word graph of text[start..end), right to left as jieba computes it.</summary>
    private void CutBlock(string text, int start, int end, List<Token> tokens, List<int>? wordIds, PathBuffers buffers)
    {
        var n = end - start;
        var (next, nextEntry, score) = (buffers.Next, buffers.NextEntry, buffers.Score);
        var steps = t_steps is { } cached && cached.Owner == words ? cached : t_steps = new StepCache(words);
        {
            score[n] = 0;
            for (var k = n - 1; k >= 0; k--)
            {
                // Candidates are the words starting at k, shortest first; the first best wins a tie. No word: the character alone.
                var bestEnd = -1;
                var bestEntry = -1;
                var best = double.MinValue;
                var entry = WordTable.Root;
                for (var j = k + 1; j <= n; j++)
                {
                    // text[start + k .. start + j) is the previous candidate plus one character: one look-up.
                    var c = text[start + j - 1];
                    var key = ((long)(entry + 1) << 16 | c) + 1;
                    ref var step = ref steps.Slots[(int)((ulong)key * 0x9E3779B97F4A7C15UL >> (64 - StepCache.Bits))];
                    if (step.Key != key)
                    {
                        step.Key = key;
                        step.Child = words.Child(entry, c, out step.Freq);
                        step.LogFreq = step.Freq > 0 ? Math.Log(step.Freq) : 0;
                    }
                    entry = step.Child;
                    var freq = step.Freq;
                    if (freq < 0) break; // not even a prefix of a word: nothing longer is one
                    if (freq == 0) continue;
                    var s = step.LogFreq - _logTotal + score[j];
                    if (best < s) { best = s; bestEnd = j; bestEntry = entry; }
                }
                // No word at all: the character alone, which then is no word of the dictionary either.
                if (bestEnd < 0) { bestEnd = k + 1; best = -_logTotal + score[k + 1]; }
                next[k] = bestEnd;
                nextEntry[k] = bestEntry;
                score[k] = best;
            }

            var letters = -1; // start of a run of single letters or digits, joined into one token
            for (var k = 0; k < n; k = next[k])
            {
                var length = next[k] - k;
                if (length == 1 && char.IsAsciiLetterOrDigit(text[start + k]))
                {
                    if (letters < 0) letters = k;
                    continue;
                }
                if (letters >= 0) { AddLetters(letters, k); letters = -1; }
                tokens.Add(new Token(start + k, Word(text, start + k, length)));
                wordIds?.Add(nextEntry[k]);
            }
            if (letters >= 0) AddLetters(letters, n);

            void AddLetters(int from, int to)
            {
                tokens.Add(new Token(start + from, Word(text, start + from, to - from)));
                wordIds?.Add(WordId(text.AsSpan(start + from, to - from)));
            }
        }
    }
}
