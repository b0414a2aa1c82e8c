using System.Collections.Concurrent;
using Broadsheet.Search;

namespace Broadsheet.Storage;

/// <summary>
/// Issues' current versions, remembered until the index changes (<see cref="IndexStore.GenerationAsync"/>): every
/// search touches the same few issues, and a flip announces itself.
/// </summary>
public sealed class CurrentVersions(IssueStore issues, IndexStore index) : IIssueVersions
{
    /// <summary>Issues remembered at most; past it the memory starts again empty.</summary>
    public const int MaxIssues = 100_000;

    private readonly ConcurrentDictionary<IssueKey, (string? Version, long Generation)> _known = new();

    public async Task<string?> CurrentVersionAsync(IssueKey issue, CancellationToken ct = default)
    {
        var generation = await index.GenerationAsync(ct);
        if (_known.TryGetValue(issue, out var known) && known.Generation == generation) return known.Version;
        var version = (await issues.GetAsync(issue, ct))?.CurrentVersion;
        if (_known.Count > MaxIssues) _known.Clear();
        _known[issue] = (version, generation);
        return version;
    }
}
