using System.Collections.Concurrent;

namespace SkillsMatch.Api.Access;

/// <summary>
/// Failed key attempts per client address (Access:FailedKeyPermits per Access:FailedKeyWindowSeconds). Past the limit,
/// every request from that address that presents a key is refused with 429 and Retry-After before the key is looked at —
/// a right key too, so the answers cannot tell a guess that would have worked from one that would not.
/// </summary>
public sealed class FailedKeyLimiter(AccessOptions options, TimeProvider time)
{
    private const int MaxAddresses = 100_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Seconds until the address may present keys again, or null when it may now.</summary>
    public int? LockedFor(string address)
    {
        if (!_windows.TryGetValue(address, out var window)) return null;
        var left = window.Start + TimeSpan.FromSeconds(options.FailedKeyWindowSeconds) - time.GetUtcNow();
        if (left <= TimeSpan.Zero) return null;
        return window.Failures >= options.FailedKeyPermits ? Math.Max(1, (int)Math.Ceiling(left.TotalSeconds)) : null;
    }

    public void RecordFailure(string address)
    {
        var now = time.GetUtcNow();
        if (_windows.Count >= MaxAddresses) Prune(now);
        _windows.AddOrUpdate(address, _ => new Window(now, 1), (_, w) =>
            now - w.Start >= TimeSpan.FromSeconds(options.FailedKeyWindowSeconds) ? new Window(now, 1) : w with { Failures = w.Failures + 1 });
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (address, window) in _windows)
            if (now - window.Start >= TimeSpan.FromSeconds(options.FailedKeyWindowSeconds)) _windows.TryRemove(address, out _);
    }

    private sealed record Window(DateTimeOffset Start, int Failures);
}
