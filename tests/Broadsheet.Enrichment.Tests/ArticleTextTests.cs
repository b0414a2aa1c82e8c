using Broadsheet.Core.Model;
using Broadsheet.Enrichment.Extractors;

namespace Broadsheet.Enrichment.Tests;

public class ArticleTextTests
{
    [Fact]
    public void Spaces_left_by_pdf_extraction_between_digits_and_Han_are_closed_but_names_stay_apart()
    {
        var text = Build.Text("1984 年 9 月 22 日，记者 刘项清 杨国庆报道。");
        Assert.Equal("1984年9月22日，记者 刘项清 杨国庆报道。", text.Text);
        Assert.Contains(new DateMention("1984年9月22日", "1984-09-22"), DateExtractor.Extract(text));
    }
}
