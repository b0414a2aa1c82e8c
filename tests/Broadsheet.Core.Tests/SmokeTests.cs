using Broadsheet.Core;
using Broadsheet.Core.Model;

namespace Broadsheet.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void Empty_input_gives_no_articles()
    {
        var issue = IssueParser.Parse("", new IssueContext());
        Assert.Empty(issue.Articles);
    }
}
