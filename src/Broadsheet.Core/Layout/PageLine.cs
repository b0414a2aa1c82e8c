using Broadsheet.Core.Model;
using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Layout;

public enum LineKind { Blank, Furniture, Byline, BylineMore, EditorsNote, Text }

/// <summary>One line of a page with what the recognisers said about it.</summary>
public sealed class PageLine
{
    public required int Index { get; init; }
    /// <summary>The line as printed, trimmed.</summary>
    public required string Raw { get; init; }
    /// <summary>Normalised (bold doubling collapsed, digit spacing closed).</summary>
    public required string Text { get; init; }
    public LineKind Kind { get; set; }
    /// <summary>A blank line (or more) sits right above this one.</summary>
    public bool BlankBefore { get; set; }

    public FurnitureMatch? Furniture { get; set; }
    public BylineMatch? Byline { get; set; }
    public EditorsNoteMatch? Note { get; set; }
    public DatelineMatch? Dateline { get; set; }
    public JumpRef? JumpOut { get; set; }
    public JumpRef? JumpIn { get; set; }
    public BylineMatch? TrailingByline { get; set; }
    /// <summary>A closing wire line (`（本报加德满都10月14日电）`): it ends the story above it.</summary>
    public DatelineMatch? ClosingDateline { get; set; }

    /// <summary>A crosshead inside a story's text: a paragraph of its own.</summary>
    public bool Crosshead { get; set; }

    /// <summary>What this line gives the story's paragraphs once markers are lifted out.</summary>
    public string Body { get; set; } = "";

    private int textWidth = -1;
    /// <summary>Display width of the printed line (wide characters count two), computed once.</summary>
    public int TextWidth => textWidth >= 0 ? textWidth : textWidth = Chars.Width(Text);
    public override string ToString() => $"{Index}:{Kind}:{Text}";
}
