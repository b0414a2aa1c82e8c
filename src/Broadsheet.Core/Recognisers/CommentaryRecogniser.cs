using Broadsheet.Core.Model;

namespace Broadsheet.Core.Recognisers;

/// <summary>Commentary: a 短评/述评/时评/社论/评论员文章 label in the deck or column, or a 评论员 byline.</summary>
public sealed class CommentaryRecogniser
{
    private static readonly char[] LabelTrim = ['【', '】', '[', ']', ' ', '■', '◎'];
    private static readonly string[] Labels = ["短评", "述评", "时评", "社论", "评论员文章", "快评", "锐评", "微评", "论坛", "本报评论员", "特约评论员", "评论"];

    public bool IsCommentary(string? column, string? deck, IEnumerable<Byline> bylines, string? bylineRaw = null)
    {
        foreach (var b in bylines) if (b.Role.Contains("评论员", StringComparison.Ordinal)) return true;
        if (bylineRaw is not null && bylineRaw.Contains("评论员", StringComparison.Ordinal)) return true;
        foreach (var l in Labels)
        {
            if (column is not null && column.Contains(l, StringComparison.Ordinal) && l != "论坛") return true;
            if (deck is not null && deck.StartsWith(l, StringComparison.Ordinal) && l != "论坛") return true;
        }
        return false;
    }

    /// <summary>A label line (`短评`, `【述评】`) printed over the commentary.</summary>
    public bool IsLabel(string line)
    {
        var t = line.Trim(LabelTrim);
        return t is "短评" or "述评" or "时评" or "社论" or "快评" or "锐评" or "微评" or "评论员文章" or "本报评论员文章";
    }
}
