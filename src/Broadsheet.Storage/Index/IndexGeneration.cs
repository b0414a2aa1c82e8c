using Azure;

namespace Broadsheet.Storage;

/// <summary>
/// Cross-instance invalidation of what searches cache. Each publish that flips an issue rewrites one small blob
/// (<see cref="AnnounceChangeAsync"/>), and every instance looks at that blob's ETag at most every <see cref="Check"/> —
/// so a search sees a new issue at once on the instance that published it and within <see cref="Check"/> elsewhere,
/// and steady search load costs storage one request per <see cref="Check"/>.
/// </summary>
public sealed class IndexGeneration(BroadsheetStorage storage, Action onChange)
{
    /// <summary>How often the shared change marker is looked at.</summary>
    public static readonly TimeSpan Check = TimeSpan.FromMilliseconds(250);

    private const string MarkerBlob = "index-generation";

    private long _generation;
    private string? _markerETag;
    private long _checkedAt = long.MinValue / 2; // "long ago", without overflowing the subtraction below
    private Task? _checking;
    private readonly Lock _checkLock = new();

    /// <summary>
    /// A number that changes whenever the index may have changed (here or, within <see cref="Check"/>, on another
    /// instance). Whatever a search cached under one generation is stale under another.
    /// </summary>
    public async ValueTask<long> CurrentAsync(CancellationToken ct = default)
    {
        if (Environment.TickCount64 - Interlocked.Read(ref _checkedAt) < Check.TotalMilliseconds) return Interlocked.Read(ref _generation);
        Task check;
        lock (_checkLock)
        {
            // One look at a time; Task.Run so the look never completes inside this lock.
            if (_checking is null || _checking.IsCompleted) _checking = Task.Run(CheckMarkerAsync, CancellationToken.None);
            check = _checking;
        }
        await check.WaitAsync(ct);
        return Interlocked.Read(ref _generation);
    }

    /// <summary>Tells every instance's searches that the index changed (call after an issue's version flips).</summary>
    public async Task AnnounceChangeAsync(CancellationToken ct = default)
    {
        Changed();
        await storage.EnsureCreatedAsync(ct);
        var written = await storage.Resilience.ExecuteAsync(async t => await storage.Work.GetBlobClient(MarkerBlob)
            .UploadAsync(BinaryData.FromString(Guid.NewGuid().ToString("N")), overwrite: true, t), ct);
        // Our own mark is no news to us on the next look (the caches were just cleared).
        _markerETag = written.Value.ETag.ToString();
        Changed();
    }

    private async Task CheckMarkerAsync()
    {
        try
        {
            string? etag;
            try { etag = (await storage.Work.GetBlobClient(MarkerBlob).GetPropertiesAsync()).Value.ETag.ToString(); }
            catch (RequestFailedException e) when (e.Status == 404) { etag = null; }
            if (etag != _markerETag) { _markerETag = etag; Changed(); }
        }
        catch
        {
            Changed(); // storage trouble: trust nothing cached; the search itself will report the error
        }
        finally
        {
            Interlocked.Exchange(ref _checkedAt, Environment.TickCount64);
        }
    }

    private void Changed()
    {
        Interlocked.Increment(ref _generation);
        onChange();
    }
}
