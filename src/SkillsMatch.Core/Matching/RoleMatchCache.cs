using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using SkillsMatch.Matching.Retrieval;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Matching;

/// <summary>
/// A learner's matches, remembered while nothing they depend on has changed: the learner's row (rewritten by every
/// change to their skills, evidence or credentials), the postings, and the issuer registry (counters in
/// <c>change_versions</c>, migration 0013), plus the taxonomy labels. Checking costs one small read; the versions are
/// read before the matches are computed, so a change that lands meanwhile only makes the next request recompute.
/// Entries also expire after <see cref="MaxAge"/>: postings pass their closing date and evidence ages without any
/// write. Deleting a learner forgets their entries at once (<see cref="Forget"/>).
/// </summary>
public sealed class RoleMatchCache(ReadRouting reads, TaxonomyStore taxonomies) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Learners whose matches are remembered.</summary>
    public const int RememberedLearners = 20_000;

    /// <summary>Filter and limit combinations remembered per learner; more start the learner's set afresh.</summary>
    public const int RememberedQueries = 16;

    private readonly MemoryCache learners = new(new MemoryCacheOptions { SizeLimit = RememberedLearners });

    public sealed record Versions(long Learner, long Postings, long Issuers, string Labels);

    private sealed record Entry(Versions Versions, IReadOnlyList<RoleMatch> Matches);

    /// <summary>The versions matches for <paramref name="learnerId"/> depend on now; null when there is no such learner.</summary>
    public async Task<Versions?> VersionsAsync(Guid learnerId, CancellationToken ct)
    {
        var labelsVersion = await taxonomies.LabelsVersionAsync(ct);
        await using var conn = await reads.OpenAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<(long Learner, long Postings, long Issuers)?>(new CommandDefinition("""
            SELECT l.xmin::text::bigint,
                   (SELECT version FROM change_versions WHERE name = 'postings'),
                   (SELECT version FROM change_versions WHERE name = 'issuers')
              FROM learners l WHERE l.id = @learnerId
            """, new { learnerId }, cancellationToken: ct));
        return row is { } v ? new Versions(v.Learner, v.Postings, v.Issuers, labelsVersion) : null;
    }

    public IReadOnlyList<RoleMatch>? Find(Guid learnerId, RoleFilter filter, int limit, Versions versions) =>
        learners.TryGetValue(learnerId, out ConcurrentDictionary<(RoleFilter, int), Entry>? byQuery)
        && byQuery!.TryGetValue((filter, limit), out var entry) && entry.Versions == versions
            ? entry.Matches : null;

    public void Remember(Guid learnerId, RoleFilter filter, int limit, Versions versions, IReadOnlyList<RoleMatch> matches)
    {
        var byQuery = learners.GetOrCreate(learnerId, e =>
        {
            e.Size = 1;
            e.AbsoluteExpirationRelativeToNow = MaxAge;
            return new ConcurrentDictionary<(RoleFilter, int), Entry>();
        })!;
        if (byQuery.Count >= RememberedQueries) byQuery.Clear();
        byQuery[(filter, limit)] = new Entry(versions, matches);
    }

    public void Forget(Guid learnerId) => learners.Remove(learnerId);

    public void Dispose() => learners.Dispose();
}
