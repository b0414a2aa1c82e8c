using System.Text.Json;
using Broadsheet.TestKit;

namespace Broadsheet.Api.Tests;

/// <summary>What the API's own JSON looks like on the wire: readable text.</summary>
[Collection(ArchiveFixture.Collection)]
public sealed class ApiJsonTests(ArchiveFixture archive)
{
    [Fact]
    public async Task Error_text_keeps_apostrophes_and_chinese_as_they_are()
    {
        var (status, _, body) = await archive.Harness.SendAsync("/api/articles?person=%E5%88%98&persn=O'Brien");

        Assert.Equal(400, status);
        Assert.Contains("unknown parameter 'persn'", body);
        Assert.DoesNotContain("\\u0027", body);
    }

    [Fact]
    public async Task Chinese_in_the_issue_list_is_not_escaped()
    {
        var (status, _, body) = await archive.Harness.SendAsync("/api/issues/jining-daily/2022-08-08");

        Assert.Equal(200, status);
        var title = JsonDocument.Parse(body).RootElement.GetProperty("articleList").EnumerateArray()
            .Select(a => a.GetProperty("title").GetString()).First(t => !string.IsNullOrEmpty(t))!;
        Assert.Contains(title, body);
        Assert.DoesNotContain("\\u", body);
    }

    [Fact]
    public void Every_route_has_a_unique_name_and_template_under_the_api_prefix()
    {
        Assert.Equal(ApiRoutes.All.Count, ApiRoutes.All.Select(r => r.Name).Distinct().Count());
        Assert.Equal(ApiRoutes.All.Count, ApiRoutes.All.Select(r => r.Template).Distinct().Count());
        Assert.All(ApiRoutes.All, r => Assert.False(r.Template.StartsWith('/'), r.Template));
    }
}
