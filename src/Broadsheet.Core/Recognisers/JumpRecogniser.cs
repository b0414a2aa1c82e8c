using System.Text.RegularExpressions;
using Broadsheet.Core.Layout;
using Broadsheet.Core.Model;

namespace Broadsheet.Core.Recognisers;

public enum JumpDirection { Out, In }

/// <param name="Start">Index of the marker in the line.</param>
public sealed record JumpMatch(JumpDirection Direction, JumpRef Ref, int Start, int Length);

/// <summary>
/// Jump markers (转版): out `（下转2版C）`, `（下转第二版）`, `下转第2版`; in `（上接1版C）`, `（上接第一版）`, `接第X版`.
/// A bracketed marker is found anywhere in the line; a bare one only at the end (out) or the start (in),
/// so prose that mentions a page is left alone.
/// </summary>
public sealed partial class JumpRecogniser
{
    [GeneratedRegex(@"(?<open>[（(]\s*)?(?<dir>下转|转|上接|接)\s*第?\s*(?<s1>[A-Za-zＡ-Ｚ])?(?<p>[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*版\s*(?<s2>[A-Za-zＡ-Ｚ](?![A-Za-z]))?\s*(?<close>[）)])?")]
    private static partial Regex Marker();

    /// <summary>All jump markers in the line, left to right.</summary>
    public JumpMatch[] FindAll(string line)
    {
        if (line.IndexOf('版') < 0) return [];
        // Every marker names a page with 转 or 接 before 版.
        if (line.AsSpan().IndexOfAny('转', '接') < 0) return [];
        List<JumpMatch>? found = null;
        foreach (Match m in Marker().Matches(line))
        {
            var bracketed = m.Groups["open"].Success && m.Groups["close"].Success;
            var dir = m.Groups["dir"].Value;
            var isOut = dir is "下转" or "转";
            if (!bracketed)
            {
                if (m.Groups["open"].Success || m.Groups["close"].Success) continue;
                if (dir is "转" or "接" && !(m.Index == 0 || m.Index + m.Length == line.Length)) continue;
                var atEnd = m.Index + m.Length == line.Length;
                var atStart = m.Index == 0;
                if (isOut ? !atEnd : !atStart) continue;
            }
            var page = Chars.ParseNumber(m.Groups["p"].Value);
            if (page <= 0) continue;
            var sec = m.Groups["s2"].Success ? m.Groups["s2"].Value : m.Groups["s1"].Success ? m.Groups["s1"].Value : null;
            if (sec is { Length: 1 } && sec[0] is >= 'Ａ' and <= 'Ｚ') sec = ((char)(sec[0] - 'Ａ' + 'A')).ToString();
            (found ??= []).Add(new JumpMatch(isOut ? JumpDirection.Out : JumpDirection.In,
                new JumpRef(page, sec?.ToUpperInvariant(), m.Value.Trim()), m.Index, m.Length));
        }
        return found is null ? [] : found.ToArray();
    }
}
