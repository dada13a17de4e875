using Dapper;
using Npgsql;
using Pgvector;

namespace SkillsMatch.Taxonomy;

/// <summary>Every query about taxonomies, skills and occupations.</summary>
public sealed partial class TaxonomyStore(NpgsqlDataSource dataSource)
{
    private const string TaxonomyName = "t.key || '@' || t.version";

    public async Task<IReadOnlyList<TaxonomySummary>> ListTaxonomiesAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<TaxonomySummary>(new CommandDefinition("""
            SELECT t.id, t.key, t.version, t.name, t.source, t.licence, t.attribution, t.imported_at AS importedat,
                   (SELECT count(*) FROM skills s WHERE s.taxonomy_id = t.id) AS skills,
                   (SELECT count(*) FROM occupations o WHERE o.taxonomy_id = t.id) AS occupations,
                   (SELECT count(*) FROM skills s WHERE s.taxonomy_id = t.id AND s.embedding IS NOT NULL) AS embeddedskills
              FROM taxonomies t ORDER BY t.key, t.imported_at DESC
            """, cancellationToken: ct))).ToList();
    }

    /// <summary>"esco" (newest import of that key), "esco@1.1.1", or a numeric id; null when unknown.</summary>
    public async Task<int?> ResolveTaxonomyAsync(string reference, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        return await conn.QuerySingleOrDefaultAsync<int?>(new CommandDefinition("""
            SELECT id FROM taxonomies
             WHERE (@id IS NOT NULL AND id = @id)
                OR (@id IS NULL AND key = @key AND (@version IS NULL OR version = @version))
             ORDER BY imported_at DESC LIMIT 1
            """,
            new
            {
                id = int.TryParse(reference, out var id) ? id : (int?)null,
                key = at < 0 ? reference : reference[..at],
                version = at < 0 ? null : reference[(at + 1)..],
            }, cancellationToken: ct));
    }

    /// <summary>Every label of every skill, for the in-memory <see cref="SkillLabelIndex"/>.</summary>
    public async Task<IReadOnlyList<SkillLabel>> LoadLabelsAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<SkillLabel>(new CommandDefinition($"""
            SELECT s.id AS skillid, s.taxonomy_id AS taxonomyid, {TaxonomyName} AS taxonomy, s.external_id AS externalid,
                   s.preferred_label AS preferredlabel, s.skill_type AS type, l.label AS text, l.is_preferred AS ispreferred
              FROM skill_labels l JOIN skills s ON s.id = l.skill_id JOIN taxonomies t ON t.id = s.taxonomy_id
            """, cancellationToken: ct, commandTimeout: 120))).ToList();
    }

    private (string Version, long CheckedAt)? labelsVersion;

    /// <summary>
    /// Changes whenever a taxonomy is imported, re-imported or deleted. Asked at most every two seconds:
    /// searches and extractions call it on every request, and an import is visible that much later.
    /// </summary>
    public async Task<string> LabelsVersionAsync(CancellationToken ct)
    {
        var now = Environment.TickCount64;
        if (labelsVersion is { } known && now - known.CheckedAt < 2000) return known.Version;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var version = await conn.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT count(*) || ':' || coalesce(max(imported_at)::text, '') FROM taxonomies", cancellationToken: ct));
        labelsVersion = (version, now);
        return version;
    }

    /// <summary>Nearest skills by embedding (HNSW, cosine), optionally within one taxonomy.</summary>
    public async Task<IReadOnlyList<SkillHit>> NearestSkillsAsync(Vector query, int? taxonomyId, string? type, int limit, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        // Filters on an HNSW scan need iterative scanning, or rows are lost after the filter (pgvector ≥ 0.8).
        // Sent with the query in one round trip; the settings suit every vector query on this connection.
        return (await conn.QueryAsync<SkillHit>(new CommandDefinition($"""
            SET hnsw.iterative_scan = relaxed_order;
            SET hnsw.ef_search = {Math.Clamp(limit * 2, 40, 1000)};
            SELECT * FROM (
                SELECT s.id, {TaxonomyName} AS taxonomy, s.external_id AS externalid, s.preferred_label AS label, s.skill_type AS type,
                       s.preferred_label AS matchedlabel, 'semantic' AS match, (1 - (s.embedding <=> @query))::float8 AS score
                  FROM skills s JOIN taxonomies t ON t.id = s.taxonomy_id
                 WHERE s.embedding IS NOT NULL
                   AND (@taxonomyId::int IS NULL OR s.taxonomy_id = @taxonomyId) AND (@type::text IS NULL OR s.skill_type = @type)
                 ORDER BY s.embedding <=> @query
                 LIMIT @limit
            ) nearest ORDER BY score DESC
            """, new { query, taxonomyId, type, limit }, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<OccupationHit>> SearchOccupationsAsync(string query, int? taxonomyId, int limit, CancellationToken ct)
    {
        var q = query.Trim().ToLowerInvariant();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<OccupationHit>(new CommandDefinition($"""
            SELECT * FROM (
                SELECT DISTINCT ON (o.id) o.id, {TaxonomyName} AS taxonomy, o.external_id AS externalid, o.title,
                       o.noc_code AS noccode, o.isco_code AS iscocode, o.onet_soc_code AS onetsoccode, m.match, m.score::float8 AS score
                  FROM occupations o
                  JOIN taxonomies t ON t.id = o.taxonomy_id
                  CROSS JOIN LATERAL (
                      SELECT CASE WHEN lower(x.title) = @q THEN 'exact' WHEN lower(x.title) LIKE @prefix THEN 'prefix'
                                  WHEN x.code = @q THEN 'code' ELSE 'word' END AS match,
                             CASE WHEN lower(x.title) = @q OR x.code = @q THEN 1.0 WHEN lower(x.title) LIKE @prefix THEN 0.9
                                  ELSE 0.6 + 0.2 * word_similarity(@q, lower(x.title)) END AS score
                        FROM (SELECT o.title, NULL::text AS code
                              UNION ALL SELECT unnest(o.alt_titles), NULL
                              UNION ALL SELECT NULL, unnest(ARRAY[o.noc_code, o.isco_code, o.onet_soc_code])) x
                       WHERE lower(x.title) = @q OR lower(x.title) LIKE @prefix OR @q <% lower(x.title) OR x.code = @q
                  ) m
                 WHERE (@taxonomyId::int IS NULL OR o.taxonomy_id = @taxonomyId)
                 ORDER BY o.id, m.score DESC
            ) best ORDER BY score DESC, length(title), title LIMIT @limit
            """, new { q, prefix = EscapeLike(q) + "%", taxonomyId, limit }, cancellationToken: ct))).ToList();
    }

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
