using System.Collections.Concurrent;
using SkillsMatch.Access;

namespace SkillsMatch.Api.Access;

/// <summary>
/// Recent key lookups, kept for <see cref="AccessOptions.KeyCacheSeconds"/> (1 s by default) so a busy client costs
/// one database probe per second rather than one per request. Revoking through this process forgets the key at
/// once; a revocation made elsewhere (the CLI, another host) takes effect when the entry expires.
/// Entries are keyed by the SHA-256 of the presented key, so a wrong secret never matches a cached key.
/// </summary>
public sealed class ApiKeyCache(ApiKeyStore store, AccessOptions options, TimeProvider clock)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async Task<ApiKey?> FindActiveAsync(string presented, CancellationToken ct)
    {
        var hash = Convert.ToHexString(ApiKeySecret.Hash(presented));
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(hash, out var cached) && cached.Expires > now) return cached.Key;

        var key = await store.FindActiveAsync(presented, ct);
        if (key is not null && (key.LastUsedAt is null || key.LastUsedAt < now.UtcDateTime.AddMinutes(-1)))
            await store.TouchAsync(key.Id, ct);
        if (entries.Count >= MaxEntries) entries.Clear();
        entries[hash] = new Entry(key, now.AddSeconds(options.KeyCacheSeconds));
        return key;
    }

    public void Forget(Guid keyId) => ForgetWhere(key => key.Id == keyId);

    /// <summary>After a learner is deleted their keys are gone with them; stop honouring them at once.</summary>
    public void ForgetLearner(Guid learnerId) => ForgetWhere(key => key.LearnerId == learnerId);

    private void ForgetWhere(Func<ApiKey, bool> match)
    {
        foreach (var (hash, entry) in entries)
            if (entry.Key is { } key && match(key)) entries.TryRemove(hash, out _);
    }

    private sealed record Entry(ApiKey? Key, DateTimeOffset Expires);
}
