using Dapper;
using Pgvector;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Storage;

public sealed class VectorStorageTests
{
    private const int Dimensions = 384;

    [Fact]
    public async Task A_384_dimension_vector_round_trips_through_Dapper_unchanged()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();
        await conn.ExecuteAsync("CREATE TEMP TABLE round_trip (id int PRIMARY KEY, embedding vector(384) NOT NULL)");
        var original = new Vector(RandomUnitVector(new Random(7)));

        await conn.ExecuteAsync("INSERT INTO round_trip VALUES (1, @embedding)", new { embedding = original });
        var read = await conn.QuerySingleAsync<Vector>("SELECT embedding FROM round_trip WHERE id = 1");

        Assert.Equal(original.ToArray(), read.ToArray());
    }

    [Fact]
    public async Task Hnsw_cosine_search_returns_the_true_nearest_rows()
    {
        var random = new Random(42);
        var rows = Enumerable.Range(0, 2000).Select(id => (Id: id, Vector: RandomUnitVector(random))).ToList();
        var query = RandomUnitVector(random);
        var exact = rows.OrderByDescending(r => Dot(r.Vector, query)).Take(10).Select(r => r.Id).ToList();

        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();
        await conn.ExecuteAsync("CREATE TEMP TABLE hnsw_probe (id int PRIMARY KEY, embedding vector(384) NOT NULL)");
        await using (var writer = await conn.BeginBinaryImportAsync("COPY hnsw_probe (id, embedding) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, vector) in rows)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(id);
                await writer.WriteAsync(new Vector(vector));
            }
            await writer.CompleteAsync();
        }
        await conn.ExecuteAsync("CREATE INDEX ON hnsw_probe USING hnsw (embedding vector_cosine_ops)");
        await conn.ExecuteAsync("SET enable_seqscan = off; SET hnsw.ef_search = 100");

        var plan = string.Join("\n", await conn.QueryAsync<string>(
            "EXPLAIN SELECT id FROM hnsw_probe ORDER BY embedding <=> @q LIMIT 10", new { q = new Vector(query) }));
        var found = (await conn.QueryAsync<int>(
            "SELECT id FROM hnsw_probe ORDER BY embedding <=> @q LIMIT 10", new { q = new Vector(query) })).ToList();

        Assert.Contains("hnsw", plan, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(exact, found);
    }

    private static float[] RandomUnitVector(Random random)
    {
        var v = new float[Dimensions];
        for (var i = 0; i < v.Length; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
