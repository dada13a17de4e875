using Dapper;
using Npgsql;

namespace SkillsMatch.Access;

/// <summary>
/// The practitioners each learner has granted access to. Read on every request (no cache), so a learner's
/// withdrawal takes effect at once.
/// </summary>
public sealed class CaseloadStore(NpgsqlDataSource dataSource)
{
    public async Task<bool> HasAccessAsync(string practitioner, Guid learnerId, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM practitioner_caseload WHERE practitioner = @practitioner AND learner_id = @learnerId)
            """, new { practitioner, learnerId }, cancellationToken: ct));
    }

    /// <summary>Grants access (idempotent: a repeated grant keeps its first date); false when the learner does not exist.</summary>
    public async Task<bool> GrantAsync(Guid learnerId, string practitioner, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO practitioner_caseload (practitioner, learner_id)
            SELECT @practitioner, id FROM learners WHERE id = @learnerId
            ON CONFLICT (practitioner, learner_id) DO UPDATE SET granted_at = practitioner_caseload.granted_at
            """, new { practitioner, learnerId }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> WithdrawAsync(Guid learnerId, string practitioner, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM practitioner_caseload WHERE practitioner = @practitioner AND learner_id = @learnerId",
            new { practitioner, learnerId }, cancellationToken: ct)) == 1;
    }

    public async Task<IReadOnlyList<CaseloadGrant>> ListForLearnerAsync(Guid learnerId, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<CaseloadGrant>(new CommandDefinition("""
            SELECT practitioner AS Practitioner, granted_at AS GrantedAt FROM practitioner_caseload
            WHERE learner_id = @learnerId ORDER BY granted_at
            """, new { learnerId }, cancellationToken: ct))).ToList();
    }

    /// <summary>Most learners one caseload listing returns.</summary>
    public const int MaxList = 500;

    /// <summary>The learners who granted this practitioner access, most recent grant first.</summary>
    public async Task<IReadOnlyList<CaseloadLearner>> ListForPractitionerAsync(string practitioner, int limit, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<CaseloadLearner>(new CommandDefinition("""
            SELECT l.id AS LearnerId, l.display_name AS DisplayName, l.region AS Region, l.city AS City, c.granted_at AS GrantedAt
            FROM practitioner_caseload c JOIN learners l ON l.id = c.learner_id
            WHERE c.practitioner = @practitioner ORDER BY c.granted_at DESC, l.id LIMIT @limit
            """, new { practitioner, limit }, cancellationToken: ct))).ToList();
    }
}


public sealed record CaseloadGrant(string Practitioner, DateTime GrantedAt);

/// <summary>A learner on a practitioner's caseload.</summary>
public sealed record CaseloadLearner(Guid LearnerId, string DisplayName, string? Region, string? City, DateTime GrantedAt);
