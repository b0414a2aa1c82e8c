using System.Collections.Concurrent;

namespace Broadsheet.Storage;

/// <summary>
/// Article JSON kept in memory, keyed "{article id}|{version}" (a version is named by its content hash, so the JSON
/// under a key never changes). Two generations of at most <see cref="GenerationChars"/> characters each (≤ ~64 MB in
/// all): when the newer one is full it becomes the older and a new one starts; a hit in the older is moved up. So the
/// articles searches keep returning stay, and a full cache never empties at once.
/// </summary>
internal sealed class ArticleJsonCache
{
    public const long GenerationChars = 16_000_000;

    private ConcurrentDictionary<string, string> _newer = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, string> _older = new(StringComparer.Ordinal);
    private long _newerSize;
    private readonly Lock _roll = new();

    public string? Recall(string key)
    {
        if (_newer.TryGetValue(key, out var json)) return json;
        if (!_older.TryGetValue(key, out json)) return null;
        Remember(key, json);
        return json;
    }

    public void Remember(string key, string json)
    {
        if (json.Length > GenerationChars / 100) return;
        if (Interlocked.Add(ref _newerSize, json.Length) > GenerationChars)
        {
            lock (_roll)
            {
                if (Interlocked.Read(ref _newerSize) > GenerationChars)
                {
                    _older = _newer;
                    _newer = new(StringComparer.Ordinal);
                    Interlocked.Exchange(ref _newerSize, json.Length);
                }
            }
        }
        _newer.TryAdd(key, json);
    }

    /// <summary>A deleted version is not served from memory any more (the rows are gone; a re-upload writes them again).</summary>
    public void Forget(string version)
    {
        var suffix = "|" + version;
        foreach (var cache in new[] { _newer, _older })
            foreach (var key in cache.Keys)
                if (key.EndsWith(suffix, StringComparison.Ordinal) && cache.TryRemove(key, out var json) && cache == _newer)
                    Interlocked.Add(ref _newerSize, -json.Length);
    }
}
