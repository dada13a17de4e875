using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace SkillsMatch.Access;

/// <summary>Every query about the audit log: batched writes by binary COPY, and the admin's filtered read.</summary>
public sealed class AuditStore(NpgsqlDataSource dataSource)
{
    public async Task WriteAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var copy = await conn.BeginBinaryImportAsync(
            "COPY audit_log (at, principal_id, principal_role, action, learner_id, path, status) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var entry in entries)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(entry.At, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(entry.PrincipalId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(entry.PrincipalRole, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(entry.Action, NpgsqlDbType.Text, ct);
            if (entry.LearnerId is { } learner) await copy.WriteAsync(learner, NpgsqlDbType.Uuid, ct);
            else await copy.WriteNullAsync(ct);
            await copy.WriteAsync(entry.Path, NpgsqlDbType.Text, ct);
            await copy.WriteAsync((short)entry.Status, NpgsqlDbType.Smallint, ct);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<AuditEntry>(new CommandDefinition("""
            SELECT at AS At, principal_id AS PrincipalId, principal_role AS PrincipalRole, action AS Action,
                   learner_id AS LearnerId, path AS Path, status::int AS Status
            FROM audit_log
            WHERE (@Learner::uuid IS NULL OR learner_id = @Learner)
              AND (@Principal::uuid IS NULL OR principal_id = @Principal)
              AND (@From::timestamptz IS NULL OR at >= @From)
              AND (@To::timestamptz IS NULL OR at < @To)
            ORDER BY at DESC, id DESC
            LIMIT @Limit
            """, query, cancellationToken: ct))).ToList();
    }
}
