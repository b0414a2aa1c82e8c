namespace Broadsheet.Core.Tests.Scoring;

/// <summary>
/// A port of Python's difflib.SequenceMatcher with isjunk=None and autojunk=False — the configuration
/// tools/score-articles.py uses — over Unicode code points (what a Python str is made of).
/// get_matching_blocks and ratio give the same blocks and numbers as CPython, tie-breaking included:
/// the scorer's pairing depends on them.
/// </summary>
public sealed class SequenceMatcher
{
    private readonly int[] _a;
    private readonly int[] _b;
    private readonly Dictionary<int, List<int>> _b2j = [];
    // find_longest_match's j2len dictionaries as two rows indexed j+1 (so j-1 = -1 reads slot 0 = 0);
    // the entries a row sets are cleared after use so both rows are all-zero between calls.
    private readonly int[] _prev;
    private readonly int[] _cur;
    private readonly List<int> _prevSet = [];
    private readonly List<int> _curSet = [];

    public SequenceMatcher(string a, string b) : this(CodePoints(a), CodePoints(b)) { }

    public SequenceMatcher(int[] a, int[] b)
    {
        _a = a;
        _b = b;
        for (var j = 0; j < b.Length; j++)
        {
            if (!_b2j.TryGetValue(b[j], out var list)) _b2j[b[j]] = list = [];
            list.Add(j);
        }
        _prev = new int[b.Length + 1];
        _cur = new int[b.Length + 1];
    }

    /// <summary>difflib's find_longest_match(alo, ahi, blo, bhi): the longest matching block, earliest in a, then in b.</summary>
    public (int I, int J, int Size) FindLongestMatch(int alo, int ahi, int blo, int bhi)
    {
        int besti = alo, bestj = blo, bestsize = 0;
        int[] prev = _prev, cur = _cur;
        List<int> prevSet = _prevSet, curSet = _curSet;
        for (var i = alo; i < ahi; i++)
        {
            if (_b2j.TryGetValue(_a[i], out var js))
            {
                foreach (var j in js)
                {
                    if (j < blo) continue;
                    if (j >= bhi) break;
                    var k = prev[j] + 1;
                    cur[j + 1] = k;
                    curSet.Add(j + 1);
                    if (k > bestsize) (besti, bestj, bestsize) = (i - k + 1, j - k + 1, k);
                }
            }
            foreach (var s in prevSet) prev[s] = 0;
            prevSet.Clear();
            (prev, cur) = (cur, prev);
            (prevSet, curSet) = (curSet, prevSet);
        }
        foreach (var s in prevSet) prev[s] = 0;
        prevSet.Clear();

        // difflib then extends the match over equal neighbours (non-junk, then junk). Without junk the
        // block above is already maximal within the bounds; kept for fidelity.
        while (besti > alo && bestj > blo && _a[besti - 1] == _b[bestj - 1])
        {
            besti--; bestj--; bestsize++;
        }
        while (besti + bestsize < ahi && bestj + bestsize < bhi && _a[besti + bestsize] == _b[bestj + bestsize])
            bestsize++;
        return (besti, bestj, bestsize);
    }

    /// <summary>difflib's get_matching_blocks: sorted, adjacent blocks collapsed, ending with the (len a, len b, 0) sentinel.</summary>
    public List<(int I, int J, int Size)> GetMatchingBlocks()
    {
        int la = _a.Length, lb = _b.Length;
        var queue = new List<(int, int, int, int)> { (0, la, 0, lb) };
        var blocks = new List<(int I, int J, int Size)>();
        while (queue.Count > 0)
        {
            var (alo, ahi, blo, bhi) = queue[^1];
            queue.RemoveAt(queue.Count - 1);
            var x = FindLongestMatch(alo, ahi, blo, bhi);
            var (i, j, k) = x;
            if (k == 0) continue;
            blocks.Add(x);
            if (alo < i && blo < j) queue.Add((alo, i, blo, j));
            if (i + k < ahi && j + k < bhi) queue.Add((i + k, ahi, j + k, bhi));
        }
        blocks.Sort();

        var collapsed = new List<(int I, int J, int Size)>();
        int i1 = 0, j1 = 0, k1 = 0;
        foreach (var (i2, j2, k2) in blocks)
        {
            if (i1 + k1 == i2 && j1 + k1 == j2) k1 += k2;
            else
            {
                if (k1 > 0) collapsed.Add((i1, j1, k1));
                (i1, j1, k1) = (i2, j2, k2);
            }
        }
        if (k1 > 0) collapsed.Add((i1, j1, k1));
        collapsed.Add((la, lb, 0));
        return collapsed;
    }

    /// <summary>Sum of the matching blocks' sizes.</summary>
    public int Matches() => GetMatchingBlocks().Sum(m => m.Size);

    /// <summary>difflib's ratio(): 2·M / (len a + len b), 1.0 for two empty sequences.</summary>
    public double Ratio()
    {
        var length = _a.Length + _b.Length;
        return length == 0 ? 1.0 : 2.0 * Matches() / length;
    }

    /// <summary>The string's code points, as Python indexes a str (an unpaired surrogate stays one element).</summary>
    public static int[] CodePoints(string s)
    {
        var result = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                result.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else result.Add(s[i]);
        }
        return [.. result];
    }
}
