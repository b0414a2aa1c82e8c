using System.Globalization;

namespace Broadsheet.TestKit;

/// <summary>
/// Samples a process's resident set (VmRSS, Linux /proc) every <c>interval</c>, keeping the peak; also reads the kernel's
/// high-water mark (VmHWM). One source for the reliability tests and the bench (linked into Broadsheet.LoadGen).
/// A pid of 0 or less, or a process that is gone, reads 0.
/// </summary>
public sealed class RssSampler : IDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    public RssSampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _peak = Current;
        _loop = pid <= 0 ? Task.CompletedTask : Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), Current));
                try { await Task.Delay(interval, _stop.Token); } catch (OperationCanceledException) { /* stopping */ }
            }
        });
    }

    public long Current => Read("VmRSS:");
    public long HighWaterMark => Read("VmHWM:");

    /// <summary>Stops sampling; the peak seen, this moment's reading included.</summary>
    public long Stop()
    {
        _stop.Cancel();
        _loop.Wait();
        return Math.Max(Interlocked.Read(ref _peak), Current);
    }

    private long Read(string field)
    {
        if (_pid <= 0) return 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { /* the process is gone */ }
        return 0;
    }

    public void Dispose()
    {
        if (!_stop.IsCancellationRequested) Stop();
        _stop.Dispose();
    }
}
