using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadsheet.Storage;

/// <summary>
/// One story in a packed index entity: [local id, kind, weight] in JSON. An entity packs a value's postings for every
/// story of an issue, so an issue goes out as a few thousand entities rather than one per (term, story) — ~16× fewer
/// with bigram search terms, the dominant cost of publishing.
/// </summary>
[JsonConverter(typeof(Converter))]
internal sealed record PackedPosting(string LocalId, string Kind, double Weight)
{
    /// <summary>Packed postings per entity are cut at about this many characters (a string property holds 32 K).</summary>
    public const int MaxPackedChars = 24_000;

    public int PackedSize => LocalId.Length + Kind.Length + 24;

    public static string Pack(List<PackedPosting> postings) => JsonSerializer.Serialize(postings, Json);

    public static List<PackedPosting> Unpack(string packed) => JsonSerializer.Deserialize<List<PackedPosting>>(packed, Json) ?? [];

    /// <summary>Characters a term adds to a keyword-group entity besides its postings (its JSON key, escapes at worst).</summary>
    public static int TermSize(string encodedTerm) => 2 * encodedTerm.Length + 8;

    /// <summary>A keyword-group entity's payload: {"term": [postings], …} for the group's terms in one issue version.</summary>
    public static string PackGroup(List<(string Term, List<PackedPosting> Postings)> terms)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder }))
        {
            writer.WriteStartObject();
            foreach (var (term, postings) in terms)
            {
                writer.WritePropertyName(term);
                JsonSerializer.Serialize(writer, postings, Json);
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>One term's postings out of a keyword-group payload (none when the term is not in it).</summary>
    public static List<PackedPosting> UnpackTerm(string packed, string term)
    {
        using var doc = JsonDocument.Parse(packed);
        return doc.RootElement.TryGetProperty(term, out var postings) ? postings.Deserialize<List<PackedPosting>>(Json) ?? [] : [];
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed class Converter : JsonConverter<PackedPosting>
    {
        /// <summary>A handful of kinds, shared by hundreds of thousands of cached postings.</summary>
        private static string Intern(string kind) => string.IsInterned(kind) ?? kind;

        public override PackedPosting Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("posting is not an array");
            reader.Read();
            var localId = reader.GetString() ?? "";
            reader.Read();
            var kind = Intern(reader.GetString() ?? "");
            reader.Read();
            var weight = reader.GetDouble();
            reader.Read();
            if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("posting has more than three fields");
            return new PackedPosting(localId, kind, weight);
        }

        public override void Write(Utf8JsonWriter writer, PackedPosting value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(value.LocalId);
            writer.WriteStringValue(value.Kind);
            writer.WriteNumberValue(value.Weight);
            writer.WriteEndArray();
        }
    }
}
