using Dapper;
using Microsoft.Extensions.AI;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace SkillsMatch.Embeddings;

/// <summary>
/// Keeps every vector made in PostgreSQL by model and SHA-256 of the exact text, so a text is embedded once
/// across restarts and processes. Only misses reach the inner generator, in one batch.
/// </summary>
public sealed class PostgresEmbeddingCache(IEmbeddingGenerator<string, Embedding<float>> inner, NpgsqlDataSource dataSource)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly string model = EmbeddingSpace.Identify(inner).Model;

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values as IList<string> ?? values.ToList();
        var hashes = texts.Select(EmbeddingText.Hash).ToArray();
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);

        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var row in await conn.QueryAsync<(byte[] Hash, Vector Embedding)>(new CommandDefinition(
            "SELECT text_hash, embedding FROM embedding_cache WHERE model = @model AND text_hash = ANY(@hashes)",
            new { model, hashes }, cancellationToken: cancellationToken)))
            found[Convert.ToHexString(row.Hash)] = row.Embedding.ToArray();

        var misses = texts.Where((_, i) => !found.ContainsKey(Convert.ToHexString(hashes[i]))).Distinct(StringComparer.Ordinal).ToList();
        if (misses.Count > 0)
        {
            await EmbeddingSpace.EnsureAsync(conn, InnerGenerator, cancellationToken);
            var made = await base.GenerateAsync(misses, options, cancellationToken);
            await using var batch = new NpgsqlBatch(conn);
            for (var i = 0; i < misses.Count; i++)
            {
                var vector = made[i].Vector.ToArray();
                var hash = EmbeddingText.Hash(misses[i]);
                found[Convert.ToHexString(hash)] = vector;
                var command = new NpgsqlBatchCommand(
                    "INSERT INTO embedding_cache (model, text_hash, embedding) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING");
                command.Parameters.Add(new NpgsqlParameter { Value = model, NpgsqlDbType = NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = hash, NpgsqlDbType = NpgsqlDbType.Bytea });
                command.Parameters.Add(new NpgsqlParameter { Value = new Vector(vector), DataTypeName = "vector" });
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        return Assemble(texts, hashes, found);
    }

    private static GeneratedEmbeddings<Embedding<float>> Assemble(IList<string> texts, byte[][] hashes, Dictionary<string, float[]> found)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        for (var i = 0; i < texts.Count; i++) result.Add(new Embedding<float>(found[Convert.ToHexString(hashes[i])]));
        return result;
    }
}
