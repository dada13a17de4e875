using System.Text.Json.Nodes;
using Dapper;
using Npgsql;

namespace SkillsMatch.Access;

/// <summary>
/// A learner's right to their data: export everything held about them, and delete it all. "Everything" is found
/// in the catalog at request time — every table with a foreign key to <c>learners</c> — so tables added by later
/// migrations (credentials, embeddings, match caches) are exported and covered without a change here.
/// </summary>
public sealed class LearnerDataStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Columns never exported: a key's hash and a one-time code's hash are credentials, not the learner's data, and the
    /// outbox's message body holds codes the learner must receive at the address, not read here (issue 15).
    /// </summary>
    private static readonly string[] WithheldColumns = ["key_hash", "code_hash", "body"];

    /// <summary>The learner's profile and, per referencing table, their rows as JSON; null when there is no such learner.</summary>
    public async Task<JsonObject?> ExportAsync(Guid learnerId, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var profile = await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT to_jsonb(l)::text FROM learners l WHERE id = @learnerId", new { learnerId }, tx, cancellationToken: ct));
        if (profile is null) return null;

        var related = new JsonObject();
        foreach (var reference in await ReferencesAsync(conn, tx, ct))
        {
            // Table and column names come from the catalog, quoted by PostgreSQL (format %I), never from input.
            var rows = await conn.QuerySingleAsync<string>(new CommandDefinition(
                $"SELECT coalesce(jsonb_agg(to_jsonb(t) - @withheld::text[]), '[]')::text FROM {reference.QuotedTable} t WHERE {reference.QuotedColumn} = @learnerId",
                new { learnerId, withheld = WithheldColumns }, tx, cancellationToken: ct));
            related[reference.Table] = JsonNode.Parse(rows);
        }
        await tx.CommitAsync(ct);
        return new JsonObject
        {
            ["exportedAt"] = DateTime.UtcNow,
            ["learner"] = JsonNode.Parse(profile),
            ["related"] = related,
        };
    }

    /// <summary>Deletes the learner; every referencing row goes with it by ON DELETE CASCADE. False when there was none.</summary>
    public async Task<bool> DeleteAsync(Guid learnerId, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("DELETE FROM learners WHERE id = @learnerId", new { learnerId }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> ExistsAsync(Guid learnerId, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM learners WHERE id = @learnerId)", new { learnerId }, cancellationToken: ct));
    }

    /// <summary>Every single-column foreign key to learners(id): the table and column holding a learner's rows.</summary>
    public static async Task<IReadOnlyList<LearnerReference>> ReferencesAsync(NpgsqlConnection conn, NpgsqlTransaction? tx = null, CancellationToken ct = default) =>
        (await conn.QueryAsync<LearnerReference>(new CommandDefinition("""
            SELECT c.conrelid::regclass::text AS "Table", format('%s', c.conrelid::regclass) AS QuotedTable,
                   format('%I', a.attname) AS QuotedColumn, c.confdeltype::text AS OnDelete
            FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f' AND c.confrelid = 'learners'::regclass AND cardinality(c.conkey) = 1
            ORDER BY 1, 3
            """, transaction: tx, cancellationToken: ct))).ToList();
}

/// <summary>A column referencing learners; <see cref="OnDelete"/> is PostgreSQL's code ('c' cascade, 'n' set null, 'a' no action …).</summary>
public sealed record LearnerReference(string Table, string QuotedTable, string QuotedColumn, string OnDelete);
