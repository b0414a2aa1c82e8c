using Broadsheet.Core.Model;
using static Broadsheet.Core.Tests.TestSupport;

namespace Broadsheet.Core.Tests.Parsing;

/// <summary>A jump-in marker whose continuation was joined to its story was placed, not left over.</summary>
public class FollowedJumpTests
{
    private static readonly ParsedIssue TwoPages = IssueParser.Parse(
        File.ReadAllText(FixturePath("jining-daily-2022-08-08", "issue.txt")), new IssueContext("jining-daily", new DateOnly(2022, 8, 8)));

    [Fact]
    public void Followed_markers_are_kept_in_unassigned_but_are_not_unplaced()
    {
        Assert.Equal(["（上接1版A）", "（上接1版B）", "（上接1版C）"], TwoPages.FollowedJumpMarkers.Order());
        // Every character still lands somewhere: the markers stay in the contract's `unassigned`.
        Assert.All(TwoPages.FollowedJumpMarkers, m => Assert.Contains(m, TwoPages.Unassigned));
        var unplaced = TwoPages.Unplaced();
        Assert.Equal(TwoPages.Unassigned.Count - 3, unplaced.Count);
        Assert.DoesNotContain(unplaced, u => u.Contains("上接"));
    }

    [Fact]
    public void A_continuation_with_no_story_to_join_follows_no_marker()
    {
        // Page 2 alone: its continuations have nothing to join, so no marker was followed.
        var alone = IssueParser.Parse(File.ReadAllText(FixturePath("jining-daily-2022-08-08", "page-02.txt")), new IssueContext("jining-daily"));
        Assert.Empty(alone.FollowedJumpMarkers);
        Assert.Equal(alone.Unassigned, alone.Unplaced());
    }
}
