using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace SkillsMatch.Catalog;

/// <summary>
/// Every query about catalog offerings. Writes go through one path: rows are copied (binary COPY) into staging
/// tables and upserted by issuer and external id (external ids are unique per issuer, migration 0018), so one offering
/// from the API and ten thousand from a file are stored alike.
/// </summary>
public sealed partial class CatalogStore(NpgsqlDataSource dataSource)
{
    /// <summary>Inserts new offerings and updates those whose issuer already has their external id, in one transaction.</summary>
    public async Task<IReadOnlyList<SavedOffering>> SaveAsync(IReadOnlyList<PreparedOffering> offerings, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var saved = await SaveAsync(conn, tx, offerings, ct);
        await tx.CommitAsync(ct);
        return saved;
    }

    /// <summary>A new offering; null when its issuer already has an offering with its external id.</summary>
    public async Task<Guid?> CreateAsync(PreparedOffering offering, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Serialises creators of the same issuer and external id, so the check below cannot race an insert.
        await conn.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended(coalesce(@IssuerUri, '') || E'\\n' || @ExternalId, 7))", offering, tx, cancellationToken: ct));
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
                $"SELECT EXISTS (SELECT 1 FROM catalog_offerings WHERE {SameIssuerAndId(offering)})", offering, tx, cancellationToken: ct)))
            return null;
        var saved = await SaveAsync(conn, tx, [offering], ct);
        await tx.CommitAsync(ct);
        return saved[0].Id;
    }

    /// <summary>Replaces offering <paramref name="id"/> (its external id, and an admin's issuer, may change).</summary>
    public async Task<ReplaceOutcome> ReplaceAsync(Guid id, PreparedOffering offering, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var owner = await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            $"SELECT id FROM catalog_offerings WHERE {SameIssuerAndId(offering)}", offering, tx, cancellationToken: ct));
        if (owner is { } other && other != id) return ReplaceOutcome.Conflict;
        var renamed = await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE catalog_offerings SET issuer_uri = @issuerUri, external_id = @externalId WHERE id = @id",
            new { id, issuerUri = offering.IssuerUri, externalId = offering.ExternalId }, tx, cancellationToken: ct));
        if (renamed == 0) return ReplaceOutcome.NotFound;
        await SaveAsync(conn, tx, [offering], ct);
        await tx.CommitAsync(ct);
        return ReplaceOutcome.Replaced;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("DELETE FROM catalog_offerings WHERE id = @id", new { id }, cancellationToken: ct)) > 0;
    }

    private static async Task<IReadOnlyList<SavedOffering>> SaveAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<PreparedOffering> rows, CancellationToken ct)
    {
        // A file may name an issuer's external id twice: the last row wins, as if the rows were applied in order.
        var offerings = rows.Select((o, i) => (o, i)).GroupBy(x => (x.o.IssuerUri, x.o.ExternalId))
            .Select(g => g.Last()).OrderBy(x => x.i).Select(x => x.o).ToList();
        await conn.ExecuteAsync(new CommandDefinition("""
            CREATE TEMP TABLE staged_offerings (LIKE catalog_offerings INCLUDING DEFAULTS) ON COMMIT DROP;
            CREATE TEMP TABLE staged_offering_skills (issuer_uri text, external_id text, skill_id bigint, source text, confidence real) ON COMMIT DROP;
            """, transaction: tx, cancellationToken: ct));
        await using (var copy = await conn.BeginBinaryImportAsync("""
            COPY staged_offerings (id, external_id, title, provider, issuer_uri, description, url, hours, cost, format, language, region,
                                   stackable_into, quality_assurance, is_demo) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var o in offerings)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(o.ExternalId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Title, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Provider, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, o.IssuerUri, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Description, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, o.Url, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, o.Hours, NpgsqlDbType.Numeric, ct);
                await WriteNullableAsync(copy, o.Cost, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(o.Format, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Language, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, o.Region, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.StackableInto, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.QualityAssurance, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.IsDemo, NpgsqlDbType.Boolean, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY staged_offering_skills (issuer_uri, external_id, skill_id, source, confidence) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var o in offerings)
                foreach (var s in o.Skills)
                {
                    await copy.StartRowAsync(ct);
                    await WriteNullableAsync(copy, o.IssuerUri, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(o.ExternalId, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(s.SkillId, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(s.Source, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(s.Confidence, NpgsqlDbType.Real, ct);
                }
            await copy.CompleteAsync(ct);
        }
        var saved = (await conn.QueryAsync<SavedOffering>(new CommandDefinition("""
            INSERT INTO catalog_offerings (id, external_id, title, provider, issuer_uri, description, url, hours, cost, format, language, region,
                                           stackable_into, quality_assurance, is_demo)
            SELECT id, external_id, title, provider, issuer_uri, description, url, hours, cost, format, language, region,
                   stackable_into, quality_assurance, is_demo
              FROM staged_offerings
            ON CONFLICT (issuer_uri, external_id) DO UPDATE SET
                title = excluded.title, provider = excluded.provider, issuer_uri = excluded.issuer_uri, description = excluded.description,
                url = excluded.url, hours = excluded.hours, cost = excluded.cost, format = excluded.format, language = excluded.language,
                region = excluded.region, stackable_into = excluded.stackable_into, quality_assurance = excluded.quality_assurance,
                is_demo = excluded.is_demo, updated_at = now()
            RETURNING id, external_id AS externalid, (xmax = 0) AS inserted
            """, transaction: tx, commandTimeout: 300, cancellationToken: ct))).ToList();
        await conn.ExecuteAsync(new CommandDefinition("""
            DELETE FROM catalog_offering_skills cs USING catalog_offerings o, staged_offerings s
             WHERE cs.offering_id = o.id AND o.external_id = s.external_id AND o.issuer_uri IS NOT DISTINCT FROM s.issuer_uri;
            INSERT INTO catalog_offering_skills (offering_id, skill_id, source, confidence)
            SELECT o.id, s.skill_id, s.source, s.confidence
              FROM staged_offering_skills s
              JOIN catalog_offerings o ON o.external_id = s.external_id AND o.issuer_uri IS NOT DISTINCT FROM s.issuer_uri;
            """, transaction: tx, commandTimeout: 300, cancellationToken: ct));
        return saved;
    }

    // Written out per case so the unique index (issuer_uri, external_id) serves both.
    private static string SameIssuerAndId(PreparedOffering offering) => offering.IssuerUri is null
        ? "issuer_uri IS NULL AND external_id = @ExternalId"
        : "issuer_uri = @IssuerUri AND external_id = @ExternalId";

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);
}

public sealed record SavedOffering(Guid Id, string ExternalId, bool Inserted);

public enum ReplaceOutcome { Replaced, NotFound, Conflict }
