using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Xunit.Abstractions;
using static Broadsheet.TestKit.LiveIngestion;

namespace Broadsheet.Reliability.Tests;

/// <summary>
/// Hostile uploads and hostile queries against the dev host: each upload ends complete or failed with a reason,
/// the host keeps serving, and every bad query is a 4xx with one clear line — never a 500, never another issue's data.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Stack stack, ITestOutputHelper output) : IClassFixture<HostileInputTests.Stack>
{
    /// <summary>The dev host, with two ordinary issues (papers A and B) to query and to keep apart.</summary>
    public sealed class Stack : IAsyncLifetime
    {
        public DevHostStack Dev { get; } = new();
        public const string PaperA = "hostile-a", PaperB = "hostile-b", Date = "2022-08-08";

        public async Task InitializeAsync()
        {
            await Dev.InitializeAsync();
            foreach (var paper in new[] { PaperA, PaperB })
                await Dev.Issues.GetBlobClient($"{paper}/{Date}.txt").UploadAsync(new BinaryData(Inputs.ReferenceIssue), overwrite: true);
            var rows = await Dev.WaitForFinishedAsync([$"{PaperA}/{Date}.txt", $"{PaperB}/{Date}.txt"], TimeSpan.FromMinutes(3));
            Assert.All(rows.Values, r => Assert.Equal("complete", Str(r, "status")));
        }

        public Task DisposeAsync() => Dev.DisposeAsync();
    }

    private DevHostStack Dev => stack.Dev;

    [Fact]
    public async Task Hostile_blob_names_end_complete_or_failed_with_a_reason()
    {
        string[] names =
        [
            "人民日报 海外版/2022-08-09.txt",                       // unicode and a space in the paper
            "with spaces/and more spaces 2022-08-10.txt",           // spaces, no date in the name
            "dots/../2022-08-11.txt",                               // a parent segment
            "..hidden/..2022-08-12..txt",                            // dots everywhere
            "%2e%2e/%2F?#[]@!$&'()*+,;=/2022-08-13.txt",            // URL syntax characters
            new string('长', 985) + "/2022-08-14.txt",              // 1,000 characters, the paper 985 of them
            "long/" + new string('x', 991) + ".txt",                // 1,000 characters of name
        ];
        var uploaded = new List<string>();
        foreach (var name in names)
        {
            Assert.True(name.Length <= 1000, name);
            await Dev.Issues.GetBlobClient(name).UploadAsync(new BinaryData(Inputs.ReferenceIssue), overwrite: true);
        }
        // The names as storage keeps them (the SDK and the service may normalise a few).
        await foreach (var blob in Dev.Issues.GetBlobsAsync(new GetBlobsOptions()))
            if (!blob.Name.StartsWith("hostile-")) uploaded.Add(blob.Name);
        Assert.True(uploaded.Count >= names.Length - 1, $"stored: {string.Join(", ", uploaded)}");

        var rows = await Dev.WaitForFinishedAsync(uploaded, TimeSpan.FromMinutes(3));
        foreach (var name in uploaded)
        {
            var row = rows[name];
            output.WriteLine($"{(name.Length > 40 ? name[..40] + "…" : name)} → {Str(row, "status")} {Str(row, "paper")} {Str(row, "date")} {Str(row, "error")}");
            if (Str(row, "status") == "failed") Assert.False(string.IsNullOrWhiteSpace(Str(row, "error")), name);
        }
        // The ordinary issues are untouched.
        await AssertOrdinaryIssuesIntactAsync();
    }

    [Fact]
    public async Task Hostile_content_ends_complete_or_failed_with_a_reason_and_the_host_keeps_serving()
    {
        var uploads = new Dictionary<string, byte[]>
        {
            ["junk-random/2022-09-01.txt"] = Inputs.RandomBytes(1 << 20, seed: 42),
            ["junk-zip/2022-09-02.txt"] = Inputs.Zip(),
            ["junk-line/2022-09-03.txt"] = Inputs.SingleLine(1 << 20),
            ["junk-big/2022-09-04.txt"] = Inputs.BigDump(50L << 20),
            ["junk-empty/2022-09-05.txt"] = [],
        };
        foreach (var (name, bytes) in uploads)
            await Dev.Issues.GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true);

        var rows = await Dev.WaitForFinishedAsync(uploads.Keys, TimeSpan.FromMinutes(4));
        foreach (var name in uploads.Keys)
        {
            var row = rows[name];
            output.WriteLine($"{name} ({uploads[name].Length:N0} bytes) → {Str(row, "status")}: {Str(row, "error")}");
            if (Str(row, "status") == "failed")
            {
                var error = Str(row, "error");
                Assert.False(string.IsNullOrWhiteSpace(error), name);
                Assert.DoesNotContain("\n", error);
                Assert.DoesNotContain("   at ", error);
            }
        }
        Assert.Equal("failed", Str(rows["junk-random/2022-09-01.txt"], "status"));
        Assert.Equal("failed", Str(rows["junk-zip/2022-09-02.txt"], "status"));
        Assert.Contains("MB", Str(rows["junk-big/2022-09-04.txt"], "error") ?? "");
        await AssertOrdinaryIssuesIntactAsync();
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "articles?paper=" + Q("hostile-a' or PartitionKey ne '"),
        "articles?paper=" + Q("hostile-a\" or 1 eq 1 or \""),
        "articles?person=" + Q("x' or '1' eq '1"),
        "articles?q=" + Q("') or (RowKey ge '"),
        "articles?place=" + Q("济宁%' and PartitionKey gt '"),
        "articles?column=" + Q("*") + "&kind=article",
        "articles?author=" + Q("$filter=PartitionKey ne ''"),
        "issues?paper=" + Q("hostile-a' or Status ne 'x"),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Quotes_and_OData_operators_in_values_never_widen_a_query(string query)
    {
        using var response = await Dev.Host.Http.GetAsync(query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{query} → {(int)response.StatusCode}: {body}");
        if (response.StatusCode == HttpStatusCode.OK)
            Assert.Empty(JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray());
        else
            AssertOneLineError(body);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "articles?top=100000", "top" },
        { "articles?top=-1", "top" },
        { "issues?top=100000", "top" },
        { "articles?continuationToken=" + Q("eyJwIjoiaG9zdGlsZS1iIn0"), "token" },
        { "articles?continuationToken=" + Q("not a token at all"), "token" },
        { "articles?continuationToken=" + Q(new string('A', 5000)), "token" },
        { "issues?continuationToken=" + Q("1!PartitionKey!hostile-b"), "token" },
        { "articles?bogus=1", "unknown parameter" },
        { "articles?%24filter=" + Q("PartitionKey ne ''"), "unknown parameter" },
        { "issues?select=*", "unknown parameter" },
        { "articles?paper=a&paper=b", "once" },
        { "articles?date=2022-13-45", "date" },
        { "articles?from=" + Q("2022-08-08' or ''='"), "date" },
        { "articles?kind=" + Q("article' or 1 eq 1"), "kind" },
        { "articles?q=" + Q(new string('长', 300)), "longer" },
        { "articles/" + Q("../hostile-b_2022-08-08_p1-01"), "" },
        { "articles/" + Q("hostile-a_2022-08-08_p1-01' or ''='"), "" },
        { "issues/" + Q("hostile-a' or ''='") + "/2022-08-08", "" },
        { "issues/hostile-a/" + Q("2022-08-08' or ''='"), "date" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_parameters_get_a_4xx_with_a_clear_message(string query, string mentions)
    {
        using var response = await Dev.Host.Http.GetAsync(query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{query} → {(int)response.StatusCode}: {body}");
        var error = AssertOneLineError(body);
        Assert.Contains(mentions, error, StringComparison.OrdinalIgnoreCase);
        // Never another issue's data: the answer is the error and nothing else.
        Assert.Equal(["error"], JsonDocument.Parse(body).RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_request_line_too_long_for_the_server_is_refused_with_a_4xx_not_a_500()
    {
        using var response = await Dev.Host.Http.GetAsync("articles?q=" + Q(new string('长', 5000)));
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
        Assert.False(Dev.Host.HasExited);
        using var after = await Dev.Host.Http.GetAsync("issues");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_continuation_token_only_continues_the_query_it_came_from()
    {
        var first = await Dev.Host.GetJsonAsync($"articles?paper={Stack.PaperA}&top=2");
        var token = Str(first, "continuationToken");
        Assert.NotNull(token);
        // The same token on another paper's query, or altered by one character, is refused.
        foreach (var query in new[] { $"articles?paper={Stack.PaperB}&top=2&continuationToken={Q(token!)}",
                                      $"articles?paper={Stack.PaperA}&top=2&continuationToken={Q(Flip(token!))}" })
        {
            using var response = await Dev.Host.Http.GetAsync(query);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query} → {(int)response.StatusCode}: {body}");
            AssertOneLineError(body);
        }
        var next = await Dev.Host.GetJsonAsync($"articles?paper={Stack.PaperA}&top=2&continuationToken={Q(token!)}");
        Assert.All(next.GetProperty("items").EnumerateArray(), a => Assert.Equal(Stack.PaperA, Str(a, "paper")));
    }

    private static string Flip(string token)
    {
        var chars = token.ToCharArray();
        var i = chars.Length / 2;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private static string AssertOneLineError(string body)
    {
        var error = Str(JsonDocument.Parse(body).RootElement, "error");
        Assert.False(string.IsNullOrWhiteSpace(error), body);
        Assert.DoesNotContain("\n", error);
        Assert.DoesNotContain(" at Broadsheet", error);
        return error!;
    }

    private async Task AssertOrdinaryIssuesIntactAsync()
    {
        var expected = IssueParser.Parse(Inputs.ReferenceIssue, new IssueContext(Stack.PaperA, DateOnly.Parse(Stack.Date))).Articles.Count;
        foreach (var paper in new[] { Stack.PaperA, Stack.PaperB })
        {
            var stories = await ArticlesAsync(Dev.Host, $"paper={paper}&date={Stack.Date}&top=100");
            Assert.Equal(expected, stories.Count);
            Assert.All(stories, s => Assert.Equal(paper, Str(s, "paper")));
        }
    }
}
