using System.Text.Json;
using Dapper;
using Npgsql;

namespace SkillsMatch.Catalog;

public sealed partial class CatalogStore
{
    private const string OfferingColumns = $"""
        o.id, o.external_id, o.title, o.provider, o.issuer_uri, o.description, o.url, o.hours, o.cost, o.currency, o.format, o.language,
        o.region, o.stackable_into, o.quality_assurance, o.is_demo, o.created_at, o.updated_at,
        to_jsonb(i)::text AS issuer_entry, {QualityAssuranceRule.CountedSql} AS counted_quality_assurance
        """;

    // The trust registry is read in the same query as the offering, so its entry and the QA that counts agree.
    private const string Offerings = $"catalog_offerings o {QualityAssuranceRule.RegistryJoin}";

    // An unknown cost never passes a maxCost filter.
    private const string SearchFilter = """
        WHERE (@like::text IS NULL OR lower(o.title) LIKE @like OR lower(o.provider) LIKE @like OR lower(o.description) LIKE @like)
          AND (@skillId::bigint IS NULL OR EXISTS (SELECT 1 FROM catalog_offering_skills cs WHERE cs.offering_id = o.id AND cs.skill_id = @skillId))
          AND (@format::text IS NULL OR o.format = @format)
          AND (@language::text IS NULL OR o.language = @language)
          AND (@maxCost::numeric IS NULL OR o.cost <= @maxCost)
        """;

    public async Task<CatalogOffering?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<OfferingRow>(new CommandDefinition(
            $"SELECT {OfferingColumns} FROM {Offerings} WHERE o.id = @id", new { id }, cancellationToken: ct));
        var offerings = await CompleteAsync(conn, rows.ToList(), ct);
        return offerings.Count > 0 ? offerings[0] : null;
    }

    /// <summary>
    /// Offerings matching every filter given: words in title, provider or description (best title match first),
    /// teaching <paramref name="skillId"/>, of a format and language, costing at most <paramref name="maxCost"/> CAD.
    /// </summary>
    public async Task<Page<CatalogOffering>> SearchAsync(
        string? q, long? skillId, string? format, string? language, decimal? maxCost, int limit, int offset, CancellationToken ct)
    {
        q = string.IsNullOrWhiteSpace(q) ? null : q.Trim().ToLowerInvariant();
        var like = q is null ? null : "%" + q.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<OfferingRow>(new CommandDefinition($"""
            SELECT {OfferingColumns}, count(*) OVER () AS total
              FROM {Offerings}
             {SearchFilter}
             ORDER BY CASE WHEN @q::text IS NULL THEN 0 ELSE word_similarity(@q, lower(o.title)) END DESC, o.title, o.id
             LIMIT @limit OFFSET @offset
            """, new { q, like, skillId, format, language, maxCost, limit, offset }, cancellationToken: ct))).ToList();
        var total = rows.Count > 0 ? rows[0].Total : offset == 0 ? 0 : await conn.ExecuteScalarAsync<long>(new CommandDefinition($"""
            SELECT count(*) FROM catalog_offerings o
             {SearchFilter}
            """, new { like, skillId, format, language, maxCost }, cancellationToken: ct));
        return new Page<CatalogOffering>(await CompleteAsync(conn, rows, ct), total, limit, offset);
    }

    // Adds each offering's skills: one more query per page.
    private static async Task<IReadOnlyList<CatalogOffering>> CompleteAsync(NpgsqlConnection conn, List<OfferingRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToArray();
        var skills = (await conn.QueryAsync<(Guid OfferingId, long SkillId, string ExternalId, string Label, string Source, double Confidence)>(new CommandDefinition("""
            SELECT cs.offering_id, s.id, s.external_id, s.preferred_label, cs.source, cs.confidence::float8
              FROM catalog_offering_skills cs JOIN skills s ON s.id = cs.skill_id
             WHERE cs.offering_id = ANY(@ids) ORDER BY cs.confidence DESC, s.preferred_label
            """, new { ids }, cancellationToken: ct))).ToLookup(s => s.OfferingId, s => new OfferingSkill(s.SkillId, s.ExternalId, s.Label, s.Source, s.Confidence));
        return rows.Select(r => new CatalogOffering(
            r.Id, r.ExternalId, r.Title, r.Provider, r.IssuerUri, r.IssuerEntry is { } entry ? JsonSerializer.Deserialize<JsonElement>(entry) : null,
            r.Description, r.Url, r.Hours, r.Cost, r.Currency, r.Format, r.Language, r.Region, r.StackableInto,
            r.CountedQualityAssurance, r.QualityAssurance, QualityAssuranceRule.Basis(r.QualityAssurance, r.CountedQualityAssurance), r.IsDemo,
            skills[r.Id].ToList(), new DateTimeOffset(r.CreatedAt, TimeSpan.Zero), new DateTimeOffset(r.UpdatedAt, TimeSpan.Zero))).ToList();
    }

    private sealed class OfferingRow
    {
        public Guid Id { get; init; }
        public string ExternalId { get; init; } = "";
        public string Title { get; init; } = "";
        public string Provider { get; init; } = "";
        public string? IssuerUri { get; init; }
        public string Description { get; init; } = "";
        public string? Url { get; init; }
        public decimal? Hours { get; init; }
        public decimal? Cost { get; init; }
        public string Currency { get; init; } = "CAD";
        public string Format { get; init; } = "";
        public string Language { get; init; } = "";
        public string? Region { get; init; }
        public string[] StackableInto { get; init; } = [];
        public string QualityAssurance { get; init; } = "none";
        public string CountedQualityAssurance { get; init; } = "none";
        public string? IssuerEntry { get; init; }
        public bool IsDemo { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public long Total { get; init; }
    }
}
