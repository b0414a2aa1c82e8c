using System.Text.RegularExpressions;

namespace Broadsheet.Core.Recognisers;

/// <summary>
/// Photo captions: text that credits or points at a picture — `（图片由…提供）`, `图为…`, `（资料图）`, `供图`,
/// a trailing `摄` credit (`本报记者 徐建中摄`), numbered pictures (`图①`).
/// </summary>
public sealed partial class CaptionRecogniser
{
    [GeneratedRegex(@"[（(]\s*(?:图片由[^）)]{1,40}提供|图片来源[^）)]{0,40}|资料图(?:片)?|[^）)]{0,20}供图|[^）)]{2,20}摄)\s*[）)]|^图为|^图[①②③④⑤⑥⑦⑧⑨⑩1-9]|[^\p{IsCJKUnifiedIdeographs}]摄\s*$|^[（(]?图/")]
    private static partial Regex Cue();

    public bool IsCaption(string text) => text.Length > 0 && Cue().IsMatch(text);
}
