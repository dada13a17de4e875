using Dapper;
using Npgsql;
using Pgvector;
using SkillsMatch.Embeddings;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Jobs;

/// <summary>
/// Recomputes every stored posting vector made with another model than the pipeline's posting model (migration
/// 0023 made posting vectors int8; the vectors stored before it are full precision): `skillsmatch jobs reembed`.
/// The text is the same recipe (<see cref="EmbeddingText.ForPosting"/>) from what is stored: title, current skills in
/// text order, description. A batch per transaction, so an interrupted run continues where it stopped.
/// </summary>
public sealed class PostingVectorRefresh(NpgsqlDataSource dataSource, JobPipeline pipeline)
{
    public const int BatchSize = 128;

    /// <summary>How many posting vectors are of another model than the pipeline's.</summary>
    public async Task<int> StaleAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM job_postings WHERE embedding_model IS DISTINCT FROM @model", new { model = Model }, cancellationToken: ct));
    }

    public async Task<int> RunAsync(IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var total = await StaleAsync(ct);
        var done = 0;
        var after = Guid.Empty;
        while (true)
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            var batch = (await conn.QueryAsync<(Guid Id, string Title, string Description, string[] Skills)>(new CommandDefinition("""
                SELECT p.id, p.title, p.description,
                       ARRAY(SELECT s.preferred_label FROM job_posting_skills ps JOIN skills s ON s.id = ps.skill_id
                              WHERE ps.posting_id = p.id AND NOT ps.removed_by_employer ORDER BY ps.span_start NULLS LAST, s.preferred_label)
                  FROM job_postings p
                 WHERE p.embedding_model IS DISTINCT FROM @model AND p.id > @after
                 ORDER BY p.id LIMIT @limit
                """, new { model = Model, after, limit = BatchSize }, cancellationToken: ct))).ToList();
            if (batch.Count == 0) return done;
            var vectors = await pipeline.EmbedPostingsAsync([.. batch.Select(p => EmbeddingText.ForPosting(p.Title, p.Skills, p.Description))], ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using var update = new NpgsqlBatch(conn, tx);
            for (var i = 0; i < batch.Count; i++)
            {
                var command = new NpgsqlBatchCommand("UPDATE job_postings SET embedding = $1, embedding_model = $2 WHERE id = $3");
                command.Parameters.Add(new NpgsqlParameter { Value = new Vector(vectors[i]) });
                command.Parameters.Add(new NpgsqlParameter { Value = Model });
                command.Parameters.Add(new NpgsqlParameter { Value = batch[i].Id });
                update.BatchCommands.Add(command);
            }
            await update.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            done += batch.Count;
            after = batch[^1].Id;
            progress?.Report(new ImportProgress("Re-embedding postings", done, total));
        }
    }

    private string Model => pipeline.PostingVectorModel ?? throw new InvalidOperationException("No embedding generator is configured.");
}
