using Dapper;
using Npgsql;

namespace SkillsMatch.Taxonomy;

/// <summary>
/// Links the skills of one taxonomy to another's: identical preferred labels first (confidence 1.0), then a
/// label or alias shared by both (0.9), then, for skills still unlinked, the nearest skill by embedding
/// when its cosine similarity reaches the threshold (confidence = the similarity). A rebuild replaces the
/// computed links between the two taxonomies and keeps manual ones.
/// </summary>
public sealed class CrosswalkBuilder(NpgsqlDataSource dataSource)
{
    public const double DefaultThreshold = 0.82;

    public async Task<CrosswalkResult> BuildAsync(int fromTaxonomyId, int toTaxonomyId, double threshold = DefaultThreshold, CancellationToken ct = default)
    {
        if (fromTaxonomyId == toTaxonomyId) throw new ArgumentException("A crosswalk links two different taxonomies.");
        if (threshold is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(threshold), "The similarity threshold must be in (0, 1].");

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var p = new { from = fromTaxonomyId, to = toTaxonomyId, threshold };

        await conn.ExecuteAsync(new CommandDefinition("""
            DELETE FROM skill_crosswalk c USING skills a, skills b
             WHERE a.id = c.skill_id AND b.id = c.target_skill_id AND c.method <> 'manual'
               AND ((a.taxonomy_id = @from AND b.taxonomy_id = @to) OR (a.taxonomy_id = @to AND b.taxonomy_id = @from))
            """, p, tx, cancellationToken: ct));

        var exact = await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO skill_crosswalk (skill_id, target_skill_id, method, confidence)
            SELECT a.id, b.id, 'exact', 1.0
              FROM skill_labels la JOIN skills a ON a.id = la.skill_id AND a.taxonomy_id = @from
              JOIN skill_labels lb ON lb.label = la.label AND la.is_preferred AND lb.is_preferred
              JOIN skills b ON b.id = lb.skill_id AND b.taxonomy_id = @to
            ON CONFLICT (skill_id, target_skill_id) DO NOTHING
            """, p, tx, cancellationToken: ct));

        var alias = await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO skill_crosswalk (skill_id, target_skill_id, method, confidence)
            SELECT DISTINCT a.id, b.id, 'alias', 0.9
              FROM skill_labels la JOIN skills a ON a.id = la.skill_id AND a.taxonomy_id = @from
              JOIN skill_labels lb ON lb.label = la.label AND NOT (la.is_preferred AND lb.is_preferred)
              JOIN skills b ON b.id = lb.skill_id AND b.taxonomy_id = @to
             WHERE NOT EXISTS (SELECT 1 FROM skill_crosswalk c WHERE c.skill_id = a.id AND c.method = 'exact')
            ON CONFLICT (skill_id, target_skill_id) DO NOTHING
            """, p, tx, cancellationToken: ct));

        // Filtered HNSW scans need iterative scanning to return a full result (pgvector ≥ 0.8).
        await conn.ExecuteAsync(new CommandDefinition(
            "SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL hnsw.ef_search = 64", transaction: tx, cancellationToken: ct));
        var embedding = await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO skill_crosswalk (skill_id, target_skill_id, method, confidence)
            SELECT a.id, nearest.id, 'embedding', nearest.similarity
              FROM skills a
              CROSS JOIN LATERAL (
                  SELECT b.id, (1 - (b.embedding <=> a.embedding))::real AS similarity
                    FROM skills b
                   WHERE b.taxonomy_id = @to AND b.embedding IS NOT NULL
                   ORDER BY b.embedding <=> a.embedding
                   LIMIT 1) nearest
             WHERE a.taxonomy_id = @from AND a.embedding IS NOT NULL
               AND nearest.similarity >= @threshold
               AND NOT EXISTS (SELECT 1 FROM skill_crosswalk c WHERE c.skill_id = a.id)
            ON CONFLICT (skill_id, target_skill_id) DO NOTHING
            """, p, tx, cancellationToken: ct, commandTimeout: 600));

        var unembedded = await conn.QuerySingleAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM skills WHERE taxonomy_id IN (@from, @to) AND embedding IS NULL", p, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new CrosswalkResult(exact, alias, embedding, unembedded);
    }
}

/// <summary>Links made per method; SkillsWithoutEmbedding says how many skills the embedding step could not consider.</summary>
public sealed record CrosswalkResult(int Exact, int Alias, int Embedding, long SkillsWithoutEmbedding);
