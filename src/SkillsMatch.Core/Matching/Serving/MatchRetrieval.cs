using Dapper;
using Npgsql;
using Pgvector;
using SkillsMatch.Learners;

namespace SkillsMatch.Matching.Serving;

/// <summary>
/// The retrieval stage: the union of the nearest profiles by embedding (pgvector HNSW) and the profiles sharing the
/// most skills (GIN on the skill-id arrays), with every filter inside both queries. HNSW scans iteratively under a
/// filter (pgvector ≥ 0.8 <c>hnsw.iterative_scan</c>) with <c>ef_search</c> ≥ the limit, so filters never shorten the list.
/// </summary>
public sealed class MatchRetrieval(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<Guid>> LearnersAsync(float[]? roleVector, long[] roleSkills, CandidateFilter filter, int limit, CancellationToken ct)
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
        // With required skills the overlap branch needs only learners holding them (GIN containment or overlap).
        var skillTest = required.Length > 0 && filter.RequireAll ? "l.skill_ids @> @required" : "l.skill_ids && @skills";
        return await UnionAsync("learners l", where, skillTest, parameters, limit, ct);
    }

    public async Task<IReadOnlyList<Guid>> PostingsAsync(float[]? learnerVector, long[] learnerSkills, RoleFilter filter, int limit, CancellationToken ct)
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
        return await UnionAsync("job_postings l", where, "l.skill_ids && @skills", parameters, limit, ct);
    }

    private async Task<IReadOnlyList<Guid>> UnionAsync(string table, string where, string skillTest, object parameters, int limit, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var sql = $"""
            SET hnsw.iterative_scan = relaxed_order;
            SET hnsw.ef_search = {Math.Clamp(limit, 40, 1000)};
            WITH by_vector AS (
                SELECT l.id FROM {table}
                 WHERE @vector::vector IS NOT NULL AND l.embedding IS NOT NULL AND {where}
                 ORDER BY l.embedding <=> @vector LIMIT @limit
            ), by_skills AS (
                SELECT l.id FROM {table}
                 WHERE {skillTest} AND {where}
                 ORDER BY (SELECT count(*) FROM unnest(l.skill_ids) AS s(skill) WHERE s.skill = ANY(@skills)) DESC, l.id
                 LIMIT @limit
            )
            SELECT id FROM by_vector UNION SELECT id FROM by_skills
            """;
        return (await conn.QueryAsync<Guid>(new CommandDefinition(sql, parameters, cancellationToken: ct))).ToList();
    }
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
