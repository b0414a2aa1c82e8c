using Broadsheet.Core.Layout;
using Broadsheet.Core.Model;
using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Assembly;

/// <summary>A story being put together on one page; becomes an <see cref="Article"/>.</summary>
public sealed class Story
{
    public required int Page { get; init; }
    public string Kind { get; set; } = ArticleKind.Article;
    public string? Label { get; set; }
    public List<PageLine> Lines { get; } = new(32);
    public List<string> DeckLines { get; } = [];
    /// <summary>The deck split into kicker/title/subtitle, computed once the deck lines are final.</summary>
    internal Deck? CachedDeck { get; set; }
    public bool HasDeck { get; set; }
    /// <summary>The page gives each heading field its own line (not wrapped text): see <see cref="HeadlineRecogniser.Split"/>.</summary>
    public bool DeckLineEach { get; set; }
    public List<BylineMatch> Bylines { get; } = [];
    public List<string> Columns { get; } = [];
    public DatelineMatch? Dateline { get; set; }
    public JumpRef? ContinuesTo { get; set; }
    public JumpRef? ContinuedFrom { get; set; }
    /// <summary>The story has ended (its deck, a jump out, or a closing byline came): new text starts a new story.</summary>
    public bool Closed { get; set; }
    public List<string> Paragraphs { get; set; } = [];
    public List<int> Pages { get; } = [];
    /// <summary>Text this story carried that has no field once merged (a continuation's repeated headline).</summary>
    public List<string> Leftovers { get; } = [];

    /// <summary>A caption block with its credit under it: a photo item, which never takes a deck.</summary>
    public bool IsPhotoBlock { get; set; }
    /// <summary>After jumps are followed: the jump out of the last part, and the page it is on.</summary>
    public JumpRef? OnwardJump { get; set; }
    public int? LastPage { get; set; }

    public bool HasBody => Lines.Count > 0;
    public string BodyText => string.Concat(Paragraphs);
}
