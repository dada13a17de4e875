using Dapper;
using Microsoft.Extensions.AI;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using SkillsMatch.Embeddings;

namespace SkillsMatch.Taxonomy;

/// <summary>
/// Gives every skill and occupation of a taxonomy its vector (text recipe: <see cref="EmbeddingText"/>),
/// embedding only rows whose text changed since their vector was made. Vectors pass through the
/// PostgreSQL embedding cache, so a new version of a taxonomy re-embeds only its new labels.
/// </summary>
public sealed class TaxonomyEmbedder(NpgsqlDataSource dataSource, IEmbeddingGenerator<string, Embedding<float>> generator)
{
    private const int BatchSize = 256;

    public async Task<TaxonomyEmbedResult> EmbedAsync(int taxonomyId, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var cached = new PostgresEmbeddingCache(generator, dataSource);
        var skills = await EmbedTableAsync("skills", "preferred_label", EmbeddingText.ForSkill, taxonomyId, cached, progress, ct);
        var occupations = await EmbedTableAsync("occupations", "title", EmbeddingText.ForOccupation, taxonomyId, cached, progress, ct);
        return new TaxonomyEmbedResult(skills, occupations);
    }

    private async Task<int> EmbedTableAsync(string table, string textColumn, Func<string, string> recipe, int taxonomyId,
        PostgresEmbeddingCache cached, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        List<(long Id, string Text, byte[] Hash)> stale;
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
        {
            await EmbeddingSpace.EnsureAsync(conn, generator, ct);
            var rows = await conn.QueryAsync<(long Id, string Text, byte[]? Hash)>(new CommandDefinition(
                $"SELECT id, {textColumn}, embedded_text_hash FROM {table} WHERE taxonomy_id = @taxonomyId ORDER BY id",
                new { taxonomyId }, cancellationToken: ct));
            stale = rows.Select(r => (r.Id, Text: recipe(r.Text), r.Hash))
                .Select(r => (r.Id, r.Text, Hash: EmbeddingText.Hash(r.Text), Old: r.Hash))
                .Where(r => r.Old is null || !r.Old.AsSpan().SequenceEqual(r.Hash))
                .Select(r => (r.Id, r.Text, r.Hash)).ToList();
        }

        var stage = $"Embedding {table}";
        progress?.Report(new ImportProgress(stage, 0, stale.Count));
        for (var start = 0; start < stale.Count; start += BatchSize)
        {
            var batch = stale.GetRange(start, Math.Min(BatchSize, stale.Count - start));
            var vectors = await cached.GenerateAsync(batch.Select(b => b.Text).ToList(), cancellationToken: ct);
            await WriteVectorsAsync(table, batch, vectors, ct);
            progress?.Report(new ImportProgress(stage, start + batch.Count, stale.Count));
        }
        return stale.Count;
    }

    private async Task WriteVectorsAsync(string table, List<(long Id, string Text, byte[] Hash)> batch, GeneratedEmbeddings<Embedding<float>> vectors, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "CREATE TEMP TABLE staged_vectors (id bigint, text_hash bytea, embedding vector(384)) ON COMMIT DROP", transaction: tx, cancellationToken: ct));
        await using (var copy = await conn.BeginBinaryImportAsync("COPY staged_vectors (id, text_hash, embedding) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(batch[i].Id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(batch[i].Hash, NpgsqlDbType.Bytea, ct);
                await copy.WriteAsync(new Vector(vectors[i].Vector), ct);
            }
            await copy.CompleteAsync(ct);
        }
        await conn.ExecuteAsync(new CommandDefinition(
            $"UPDATE {table} t SET embedding = s.embedding, embedded_text_hash = s.text_hash FROM staged_vectors s WHERE t.id = s.id",
            transaction: tx, commandTimeout: 300, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }
}

public sealed record TaxonomyEmbedResult(int Skills, int Occupations);
