using System.Text;

namespace Broadsheet.TestKit;

/// <summary>Test inputs: the reference page (samples/jining-daily/2022-08-08.txt, copied to the output) and variations of it.</summary>
public static class Samples
{
    public static string ReferencePagePath => Path.Combine(AppContext.BaseDirectory, "Samples", "2022-08-08.txt");

    public static byte[] ReferencePage() => File.ReadAllBytes(ReferencePagePath);

    public static string ReferenceText() => Encoding.UTF8.GetString(ReferencePage());

    /// <summary>The two-page issue: page 1 and a page 2 whose first story continues page 1's (（上接1版C）).</summary>
    public static byte[] TwoPageIssue() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "issue-2022-08-08.txt"));

    /// <summary>A 40-page issue: the two-page issue twenty times over, form feeds between pages, each copy's words changed a little.</summary>
    public static byte[] FortyPageIssue()
    {
        var two = Encoding.UTF8.GetString(TwoPageIssue()).TrimEnd('\f', '\n');
        var pages = Enumerable.Range(0, 20).Select(i => i == 0 ? two : two.Replace("济宁", "济宁" + (char)('甲' + i)));
        return Encoding.UTF8.GetBytes(string.Join("\f", pages));
    }

    /// <summary>Random bytes with NULs: what a binary upload looks like.</summary>
    public static byte[] RandomBytes(int length = 4096, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        bytes[10] = 0;
        return bytes;
    }

    /// <summary>A real zip archive (of the reference page).</summary>
    public static byte[] Zip()
    {
        using var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            // A fixed time: the same bytes on every call (an entry stamped "now" changes them every 2 s).
            var entry = zip.CreateEntry("2022-08-08.txt");
            entry.LastWriteTime = new DateTimeOffset(2022, 8, 8, 0, 0, 0, TimeSpan.Zero);
            using var s = entry.Open();
            s.Write(ReferencePage());
        }
        return ms.ToArray();
    }
}
