using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadsheet.Core.Json;

/// <summary>The one JSON shape of the contract, shared by the CLI, the API and storage.</summary>
public static class ArticleJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: true);
    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Text stays as it is: Chinese, and ' < > & too (no \u0027). Nothing reads this JSON as HTML: the API sends it
        // as application/json and the reading room puts every string into the page as a text node.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
    };
}
