using Broadsheet.Core.Model;
using System.Text.Json;
using Broadsheet.Core.Json;

namespace Broadsheet.Core.Tests.Parsing;

/// <summary>The contract JSON (what `parse` prints and storage keeps) reads as text.</summary>
public class ArticleJsonTests
{
    [Fact]
    public void Apostrophes_angle_brackets_ampersands_and_chinese_are_written_as_they_are()
    {
        var issue = IssueParser.Parse("本报讯 O'Brien 说：“<济宁> & 嘉祥 增长15.8%。”\n", new IssueContext("济宁日报", new DateOnly(2022, 8, 8)));

        foreach (var options in new[] { ArticleJson.Options, ArticleJson.Compact })
        {
            var json = JsonSerializer.Serialize(issue, options);
            Assert.Contains("O'Brien", json);
            Assert.Contains("<济宁> & 嘉祥", json);
            Assert.DoesNotContain("\\u", json);
        }
    }
}
