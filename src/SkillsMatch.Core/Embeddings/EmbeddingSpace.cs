using Dapper;
using Microsoft.Extensions.AI;
using Npgsql;

namespace SkillsMatch.Embeddings;

/// <summary>
/// Every vector in the database comes from one model. The first generator to store vectors names the space;
/// a generator of another model (or dimension) is refused, since its vectors are not comparable.
/// </summary>
public static class EmbeddingSpace
{
    public const int Dimensions = 384;

    public static (string Model, int Dimensions) Identify(IEmbeddingGenerator generator)
    {
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        var model = metadata?.DefaultModelId ?? throw new InvalidOperationException("The embedding generator does not name its model.");
        return (model, metadata.DefaultModelDimensions ?? Dimensions);
    }

    public static async Task EnsureAsync(NpgsqlConnection conn, IEmbeddingGenerator generator, CancellationToken ct)
    {
        var (model, dimensions) = Identify(generator);
        if (dimensions != Dimensions)
            throw new EmbeddingModelMismatchException(
                $"The embedding model {model} makes {dimensions}-dimension vectors; the database stores {Dimensions}-dimension vectors.");
        var stored = await conn.QuerySingleOrDefaultAsync<(string Model, int Dimensions)?>(new CommandDefinition("""
            INSERT INTO embedding_space (model, dimensions) VALUES (@model, @dimensions)
            ON CONFLICT (singleton) DO UPDATE SET model = embedding_space.model
            RETURNING model, dimensions
            """, new { model, dimensions }, cancellationToken: ct));
        if (stored is { } s && (s.Model != model || s.Dimensions != dimensions))
            throw new EmbeddingModelMismatchException(
                $"The database's vectors were made with {s.Model} ({s.Dimensions} dimensions) but the configured generator is {model} " +
                $"({dimensions} dimensions). Mixing them would make every similarity meaningless; reconfigure the generator or rebuild the vectors.");
    }
}

public sealed class EmbeddingModelMismatchException(string message) : Exception(message);
