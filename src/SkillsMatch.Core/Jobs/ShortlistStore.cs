using Dapper;
using Npgsql;

namespace SkillsMatch.Jobs;

/// <summary>A learner an employer shortlisted for a posting, as the employer may see them (contact only when shared).</summary>
public sealed record ShortlistEntry(Guid LearnerId, string? DisplayName, string? Email, string? Region, string? City, DateTime AddedAt);

/// <summary>
/// Employers' shortlists, one per posting and organisation. Every statement names the owner (the employer key's subject)
/// in its SQL: a posting must be the owner's own to shortlist for it, and a list is read back only for its owner. Only a
/// learner who lets employers find them can be added, and one who withdraws consent drops out of every list read.
/// </summary>
public sealed class ShortlistStore(NpgsqlDataSource dataSource)
{
    public const int MaxEntries = 200;

    /// <summary>False when the posting is not the owner's or the learner is not visible to employers.</summary>
    public async Task<bool> AddAsync(Guid postingId, Guid learnerId, string owner, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO posting_shortlists (posting_id, learner_id, owner)
            SELECT p.id, l.id, @owner
              FROM job_postings p, learners l
             WHERE p.id = @postingId AND p.owner = @owner AND l.id = @learnerId AND l.visible_to_employers
               AND (SELECT count(*) FROM posting_shortlists s WHERE s.posting_id = p.id AND s.owner = @owner) < @max
            ON CONFLICT DO NOTHING
            """, new { postingId, learnerId, owner, max = MaxEntries }, cancellationToken: ct)) == 1
            || await ContainsAsync(conn, postingId, learnerId, owner, ct);
    }

    public async Task<bool> RemoveAsync(Guid postingId, Guid learnerId, string owner, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM posting_shortlists WHERE posting_id = @postingId AND learner_id = @learnerId AND owner = @owner",
            new { postingId, learnerId, owner }, cancellationToken: ct)) == 1;
    }

    /// <summary>The owner's list for a posting, oldest first; contact details only for learners who share them.</summary>
    public async Task<IReadOnlyList<ShortlistEntry>> ListAsync(Guid postingId, string owner, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return [.. await conn.QueryAsync<ShortlistEntry>(new CommandDefinition("""
            SELECT l.id AS learnerid,
                   CASE WHEN 'contact' = ANY(l.visible_parts) THEN l.display_name END AS displayname,
                   CASE WHEN 'contact' = ANY(l.visible_parts) THEN l.email END AS email,
                   l.region, l.city, s.added_at AS addedat
              FROM posting_shortlists s JOIN learners l ON l.id = s.learner_id
             WHERE s.posting_id = @postingId AND s.owner = @owner AND l.visible_to_employers
             ORDER BY s.added_at, l.id
            """, new { postingId, owner }, cancellationToken: ct))];
    }

    private static async Task<bool> ContainsAsync(NpgsqlConnection conn, Guid postingId, Guid learnerId, string owner, CancellationToken ct) =>
        await conn.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM posting_shortlists s JOIN learners l ON l.id = s.learner_id
                            WHERE s.posting_id = @postingId AND s.learner_id = @learnerId AND s.owner = @owner AND l.visible_to_employers)
            """, new { postingId, learnerId, owner }, cancellationToken: ct));
}
