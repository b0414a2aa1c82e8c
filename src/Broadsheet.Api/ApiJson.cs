using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadsheet.Api;

/// <summary>
/// How the API writes JSON: camelCase, nulls kept, and text as it is — Chinese stays Chinese and an apostrophe stays
/// an apostrophe (not \u0027). The HTML-safe escaping the default encoder does is not needed: the reading room puts
/// every string into the page as a text node, never as markup.
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public const string ContentType = "application/json; charset=utf-8";
}

/// <summary>A JSON document kept as text (an article as stored), written into a response as it is.</summary>
[JsonConverter(typeof(Converter))]
public readonly record struct RawJson(string Json)
{
    private sealed class Converter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            return new RawJson(doc.RootElement.GetRawText());
        }

        // Stored articles were written by the serializer: valid JSON, no need to check it again on every read.
        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Json, skipInputValidation: true);
    }
}
