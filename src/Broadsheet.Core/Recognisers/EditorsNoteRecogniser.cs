using System.Text.RegularExpressions;

namespace Broadsheet.Core.Recognisers;

/// <param name="Label">The label as printed (编者按, 编后, 编者的话).</param>
/// <param name="Length">Characters the label takes at the start of the line; the note's text follows.</param>
public sealed record EditorsNoteMatch(string Label, int Length);

/// <summary>Editor's notes: `编者按：…`, `【编者按】…`, `编者的话`, and 编后 / 编后语 after a story.</summary>
public sealed partial class EditorsNoteRecogniser
{
    [GeneratedRegex(@"^[【\[]?\s*(?<label>编者按|编者的话|编后语|编后记|编后)\s*[】\]]?\s*[:：]?\s*")]
    private static partial Regex Label();

    public EditorsNoteMatch? Match(string line)
    {
        if (line.Length < 2 || line[0] is not ('编' or '【' or '[' or ' ')) return null;
        var m = Label().Match(line);
        if (!m.Success) return null;
        var label = m.Groups["label"].Value;
        // 编后 alone starts words (编后台…); as a label it is bracketed, followed by a colon, or stands alone.
        if (label == "编后" && m.Length == 2 && line.Length > 2) return null;
        return new EditorsNoteMatch(label, m.Length);
    }
}
