using System.IO.Compression;
using System.Text;

namespace Broadsheet.EntityEval;

/// <summary>A sentence of the BIO file: its text and its entity spans (type PER, LOC or ORG).</summary>
internal sealed record Sentence(string Text, IReadOnlyList<Span> Spans);

internal readonly record struct Span(string Type, int Start, int Length, string Text);

/// <summary>Consecutive sentences standing in for one article (the corpus README: groups of ~8 mostly share one).</summary>
internal sealed record GoldArticle(int Number, IReadOnlyList<Sentence> Sentences)
{
    /// <summary>
    /// The gold names per type, one-character spans dropped. An organisation also counts when printed with the places
    /// right in front of it (江苏省 | 宿迁市中级人民法院 → 江苏省宿迁市中级人民法院), as the corpus cuts them off.
    /// </summary>
    public Entities Gold()
    {
        var people = new List<string>();
        var places = new List<string>();
        var orgs = new List<string>();
        foreach (var s in Sentences)
        {
            for (var k = 0; k < s.Spans.Count; k++)
            {
                var span = s.Spans[k];
                if (span.Length < 2) continue;
                (span.Type switch { "PER" => people, "LOC" => places, _ => orgs }).Add(span.Text);
            }
        }
        return new Entities(people, places, orgs);
    }

    /// <summary>Other spellings of a gold organisation a prediction may use: it with the adjacent places before it.</summary>
    public IEnumerable<(string Gold, string Printed)> OrganizationVariants()
    {
        foreach (var s in Sentences)
        {
            for (var k = 0; k < s.Spans.Count; k++)
            {
                var org = s.Spans[k];
                if (org.Type != "ORG" || org.Length < 2) continue;
                var start = org.Start;
                for (var j = k - 1; j >= 0 && s.Spans[j].Type == "LOC" && s.Spans[j].Start + s.Spans[j].Length == start; j--)
                {
                    start = s.Spans[j].Start;
                    yield return (org.Text, s.Text[start..(org.Start + org.Length)]);
                }
            }
        }
    }
}

internal static class Bio
{
    public const int SentencesPerArticle = 8;

    public static List<Sentence> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var input = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(input, Encoding.UTF8);
        var sentences = new List<Sentence>();
        var text = new StringBuilder();
        var tags = new List<string>();
        void Flush()
        {
            if (text.Length > 0) sentences.Add(new Sentence(text.ToString(), Spans(text.ToString(), tags)));
            text.Clear();
            tags.Clear();
        }
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length == 0) { Flush(); continue; }
            var cut = line.LastIndexOf(' ');
            if (cut <= 0) continue;
            text.Append(line[..cut]);
            tags.Add(line[(cut + 1)..]);
        }
        Flush();
        return sentences;
    }

    private static List<Span> Spans(string text, List<string> tags)
    {
        var spans = new List<Span>();
        for (var i = 0; i < tags.Count; i++)
        {
            if (!tags[i].StartsWith("B-", StringComparison.Ordinal)) continue;
            var type = tags[i][2..];
            var end = i + 1;
            while (end < tags.Count && tags[end] == "I-" + type) end++;
            spans.Add(new Span(type, i, end - i, text[i..end]));
        }
        return spans;
    }

    public static IEnumerable<GoldArticle> Articles(List<Sentence> sentences, int size)
    {
        for (var i = 0; i < sentences.Count; i += size)
            yield return new GoldArticle(i / size, sentences.Skip(i).Take(size).ToList());
    }
}
