using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Broadsheet.Core;
using Broadsheet.Core.Layout;
using Broadsheet.Core.Model;

namespace Broadsheet.Bench;

/// <summary>
/// Parse alone (decode + layout + recognise + assemble + jumps) on one core, over a realistic multi-page issue:
/// every sample and fixture page in the repository plus a headline-first export, concatenated with form feeds
/// until the issue is about 2 MB. Target: ≥ 20 MB/s (see the MB/s column).
/// `dotnet run -c Release --project bench/Broadsheet.Bench -- --filter '*ParseBenchmark*'`
/// Figures and the machine they were measured on: docs/benchmarks.md › Parsing.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class ParseBenchmark
{
    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new MegabytesPerSecondColumn(_ => Issue.Length));
    }

    private static readonly IssueContext Context = new("bench", new DateOnly(2022, 8, 8));
    public static readonly byte[] Issue = BuildIssue(2_000_000);
    private string text = "";

    [GlobalSetup]
    public void Setup() => text = Encoding.UTF8.GetString(Issue);

    /// <summary>
    /// Yardstick, not a target: one pass over the same text counting Han characters. On a shared machine every row
    /// slows alike, so the ratio to this row says more than raw MB/s.
    /// </summary>
    [Benchmark(Baseline = true, Description = "Yardstick: scan text once")]
    public int ScanText() => Chars.CountHan(text);

    [Benchmark(Description = "Parse bytes (decode + parse)")]
    public int ParseBytes() => IssueParser.Parse(Issue, Context).Articles.Count;

    [Benchmark(Description = "Parse text")]
    public int ParseText() => IssueParser.Parse(text, Context).Articles.Count;

    /// <summary>Pages from the repository (samples and test fixtures), varied, joined by \f.</summary>
    public static byte[] BuildIssue(int targetBytes)
    {
        var pages = new List<string>();
        var root = FindRepoRoot();
        if (root is not null)
        {
            foreach (var dir in new[] { "samples", Path.Combine("tests", "Broadsheet.Core.Tests", "Fixtures") })
            {
                var full = Path.Combine(root, dir);
                if (!Directory.Exists(full)) continue;
                foreach (var f in Directory.EnumerateFiles(full, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    pages.AddRange(File.ReadAllText(f).Split('\f').Where(p => p.Trim().Length > 0));
            }
        }
        pages.Add(HeadlineFirstPage);
        var sb = new StringBuilder(targetBytes / 2);
        var i = 0;
        while (Encoding.UTF8.GetByteCount(sb.ToString()) < targetBytes && i < 100_000)
        {
            if (sb.Length > 0) sb.Append('\f');
            sb.Append(pages[i % pages.Count]);
            i++;
            if (i % 16 == 0 && Encoding.UTF8.GetByteCount(sb.ToString()) >= targetBytes) break;
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string? FindRepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Functions.sln"))) return d.FullName;
        var cwd = new DirectoryInfo(Directory.GetCurrentDirectory());
        for (var d = cwd; d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Functions.sln"))) return d.FullName;
        return null;
    }

    private const string HeadlineFirstPage =
        "2 要闻 2022年8月8日 星期一 责任编辑:耿 睿 组版:颜 芳 校对:朱 葆\n\n" +
        "稳经济 促发展\n我市上半年经济运行稳中向好\n——全市经济形势分析会召开\n■本报记者 矫 月\n" +
        "　　本报讯 7日，全市上半年经济形势分析会召开。会议指出，上半年全市经济运行总体平稳，主要指标好于预期。\n" +
        "　　会议要求，各级各部门要坚定信心，狠抓落实，确保完成全年目标任务。\n\n" +
        "新华社北京8月7日电(记者张益俊) 国家统计局7日发布数据显示，7月份全国居民消费价格同比上涨2.7%。\n" +
        "数据显示，食品价格上涨。\n（记者 马尚龙）\n\n" +
        "短评\n让实干成为鲜明导向\n本报评论员\n实干才能出实绩。各级干部要以钉钉子精神抓落实。\n\n" +
        "简讯\n本报讯 全市防汛工作会议召开。会议部署了下一步防汛工作。\n" +
        "本报讯（记者 戈伟 实习生 刘晓雪）市图书馆暑期阅读活动启动。\n本版责编：王芳 版式设计：李强\n";
}
