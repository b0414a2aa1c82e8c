namespace Broadsheet.Core.Text;

/// <summary>
/// Splits text into search terms. Ingestion indexes with it and the query side segments `q` with the same
/// instance, so a word finds itself. Implementations must be deterministic and thread-safe.
/// </summary>
public interface ISearchTokenizer
{
    /// <summary>Terms in text order (repeats kept: callers count them), normalised (width, case).</summary>
    IEnumerable<string> Tokenize(string text);
}
