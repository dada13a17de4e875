using Dapper;
using Npgsql;
using Pgvector;
using SkillsMatch.Learners;
using SkillsMatch.Storage;

namespace SkillsMatch.Matching.Serving;

/// <summary>
/// The retrieval stage: the union of the nearest profiles by embedding (pgvector HNSW) and the profiles sharing the
/// most skills (covering indexes on skill → profile), with every filter inside both queries. HNSW scans iteratively
/// under a filter (pgvector ≥ 0.8 <c>hnsw.iterative_scan</c>) with <c>ef_search</c> ≥ the limit, so filters never
/// shorten the list. The two branches run at once on two connections: a query's latency is the slower branch's.
/// </summary>
public sealed class MatchRetrieval(ReadRouting reads)
{
    /// <summary>Reads what the ranker needs for the profiles a branch retrieved.</summary>
    public delegate Task<IReadOnlyDictionary<Guid, T>> Loader<T>(IReadOnlyList<Guid> ids, CancellationToken ct);

    public async Task<IReadOnlyDictionary<Guid, T>> LearnersAsync<T>(
        float[]? roleVector, long[] roleSkills, CandidateFilter filter, int limit, Loader<T> load, CancellationToken ct)
    {
        var where = """
            l.visible_to_employers AND 'skills' = ANY(l.visible_parts)
            AND (@region::text IS NULL OR l.region = @region OR (@includeRemote AND l.remote_preference IN ('remote', 'any')))
            AND (cardinality(@required) = 0 OR (
                SELECT count(*) FROM unnest(l.skill_ids, l.skill_tiers) AS held(skill, tier)
                 WHERE held.skill = ANY(@required) AND held.tier >= @minTier) >= CASE WHEN @requireAll THEN cardinality(@required) ELSE 1 END)
            """;
        var required = filter.RequiredSkills.ToArray();
        var parameters = new
        {
            vector = roleVector is null ? null : new Vector(roleVector),
            skills = roleSkills,
            required,
            minTier = (short)(filter.MinTier ?? EvidenceTier.SelfDeclared),
            requireAll = filter.RequireAll,
            region = filter.Region,
            includeRemote = filter.IncludeRemote,
            limit,
        };
        // The overlap branch counts shared skills on the narrow evidence index, at the tier asked for.
        const string heldSkills = """
            SELECT DISTINCT e.skill_id, e.learner_id AS id FROM learner_skill_evidence e
             WHERE e.skill_id = ANY(@skills) AND e.tier >= @minTier
            """;
        return await UnionAsync("learners l", where, heldSkills, parameters, limit, load, ct);
    }

    public async Task<IReadOnlyDictionary<Guid, T>> PostingsAsync<T>(
        float[]? learnerVector, long[] learnerSkills, RoleFilter filter, int limit, Loader<T> load, CancellationToken ct)
    {
        var where = """
            l.status = 'open' AND (l.valid_through IS NULL OR l.valid_through > now())
            AND (@region::text IS NULL OR l.region = @region OR (@includeRemote AND l.remote = 'remote'))
            AND (NOT @remoteOnly OR l.remote = 'remote')
            AND (@occupation::bigint IS NULL OR @occupation = ANY(l.occupation_ids))
            """;
        var parameters = new
        {
            vector = learnerVector is null ? null : new Vector(learnerVector),
            skills = learnerSkills,
            region = filter.Region,
            includeRemote = filter.IncludeRemote,
            remoteOnly = filter.RemoteOnly,
            occupation = filter.OccupationId,
            limit,
        };
        const string askedSkills = """
            SELECT DISTINCT ps.skill_id, ps.posting_id AS id FROM job_posting_skills ps
             WHERE ps.skill_id = ANY(@skills) AND NOT ps.removed_by_employer
            """;
        return await UnionAsync("job_postings l", where, askedSkills, parameters, limit, load, ct);
    }

    /// <summary>
    /// The vector branch is quick and the overlap branch slow, so the vector branch's profiles are loaded while the
    /// overlap branch still runs; then only the profiles the vector branch did not bring.
    /// </summary>
    private async Task<IReadOnlyDictionary<Guid, T>> UnionAsync<T>(
        string table, string where, string sharedSkills, object parameters, int limit, Loader<T> load, CancellationToken ct)
    {
        var byVector = NearestAsync(table, where, parameters, limit, ct);
        var bySkills = MostSharedAsync(table, where, sharedSkills, parameters, limit, ct);
        var nearestLoaded = LoadAsync(byVector);
        await Task.WhenAll(nearestLoaded, bySkills);
        var nearest = await byVector;
        var rest = (await bySkills).Except(nearest).ToList();
        var loaded = new Dictionary<Guid, T>(await nearestLoaded);
        if (rest.Count > 0)
            foreach (var (id, value) in await load(rest, ct)) loaded[id] = value;
        return loaded;

        async Task<IReadOnlyDictionary<Guid, T>> LoadAsync(Task<List<Guid>> ids) => await load(await ids, ct);
    }

    private async Task<List<Guid>> NearestAsync(string table, string where, object parameters, int limit, CancellationToken ct)
    {
        await using var conn = await reads.OpenAsync(ct);
        // SET LOCAL: these settings end with the transaction instead of staying on the pooled connection.
        await using var tx = await conn.BeginTransactionAsync(ct);
        var ids = (await conn.QueryAsync<Guid>(new CommandDefinition($"""
            SET LOCAL hnsw.iterative_scan = relaxed_order;
            SET LOCAL hnsw.ef_search = {Math.Clamp(limit, 40, 1000)};
            SELECT l.id FROM {table}
             WHERE @vector::vector IS NOT NULL AND l.embedding IS NOT NULL AND {where}
             ORDER BY l.embedding <=> @vector LIMIT @limit
            """, parameters, tx, cancellationToken: ct))).ToList();
        await tx.CommitAsync(ct);
        return ids;
    }

    /// <summary>How many overlap counts per wanted profile the skill branch keeps before filtering.</summary>
    public const int OverlapHeadroom = 4;

    /// <summary>
    /// <paramref name="sharedSkills"/> yields one (skill, id) row per skill a profile shares with the query. Profiles are
    /// ranked by that count on a covering index, and the filters checked one profile at a time down that order until
    /// <paramref name="limit"/> pass: far fewer wide rows read than filtering every profile that shares one skill.
    /// Only the best <see cref="OverlapHeadroom"/> × limit counts are kept (a top-N sort instead of sorting the ~16k
    /// profiles a posting's skills reach); when filters reject so many of those that the branch comes back short, it
    /// is asked again over every count.
    /// </summary>
    private async Task<List<Guid>> MostSharedAsync(string table, string where, string sharedSkills, object parameters, int limit, CancellationToken ct)
    {
        await using var conn = await reads.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var cap = limit * OverlapHeadroom;
        var (overlapping, ids) = await MostSharedOnceAsync(conn, tx, table, where, sharedSkills, parameters, cap, ct);
        if (ids.Length < limit && overlapping == cap) (_, ids) = await MostSharedOnceAsync(conn, tx, table, where, sharedSkills, parameters, cap: null, ct);
        await tx.CommitAsync(ct);
        return [.. ids];
    }

    private static async Task<(int Overlapping, Guid[] Ids)> MostSharedOnceAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string table, string where, string sharedSkills, object parameters, int? cap, CancellationToken ct) =>
        await conn.QuerySingleAsync<(int, Guid[])>(new CommandDefinition($"""
            SET LOCAL max_parallel_workers_per_gather = 0;
            WITH overlap AS MATERIALIZED (
                SELECT shared.id, count(*) AS skills FROM ({sharedSkills}) shared
                 GROUP BY shared.id ORDER BY skills DESC, shared.id {(cap is { } n ? $"LIMIT {n}" : "")}
            )
            SELECT (SELECT count(*) FROM overlap)::int, array(
                SELECT o.id FROM overlap o
                 WHERE EXISTS (SELECT 1 FROM {table} WHERE l.id = o.id AND {where})
                 LIMIT @limit)
            """, parameters, tx, cancellationToken: ct));
}

/// <param name="RequiredSkills">Skills candidates must hold at <paramref name="MinTier"/> or better (all of them, or any with RequireAll off).</param>
/// <param name="IncludeRemote">With a region: also learners anywhere who would work remotely.</param>
public sealed record CandidateFilter(
    string? Region = null, bool IncludeRemote = true, EvidenceTier? MinTier = null, IReadOnlyList<long>? RequiredSkillIds = null, bool RequireAll = true)
{
    public IReadOnlyList<long> RequiredSkills => RequiredSkillIds ?? [];
}

/// <param name="IncludeRemote">With a region: also remote postings elsewhere.</param>
/// <param name="RemoteOnly">Only postings open to remote work.</param>
public sealed record RoleFilter(string? Region = null, bool IncludeRemote = true, bool RemoteOnly = false, long? OccupationId = null);
