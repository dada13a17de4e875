using SkillsMatch.Extraction;

namespace SkillsMatch.Tests.Extraction;

public class SkillVectorsTests
{
    private static float[] UnitVector(Random random)
    {
        var v = Enumerable.Range(0, 384).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    [Fact]
    public void Nearest_for_several_queries_at_once_equals_one_query_at_a_time()
    {
        var random = new Random(3);
        // 300 rows: more than one block, the last one partial; one skill without a vector.
        var skills = Enumerable.Range(1, 300)
            .Select(i => new ExtractionSkill(i, $"s{i}", $"skill {i}", [], i == 17 ? null : UnitVector(random))).ToList();
        var vectors = new SkillVectors(skills);
        ReadOnlyMemory<float>[] queries = [.. Enumerable.Range(0, 5).Select(_ => new ReadOnlyMemory<float>(UnitVector(random)))];

        var batched = vectors.Nearest(queries, 20);

        Assert.Equal(queries.Length, batched.Length);
        for (var q = 0; q < queries.Length; q++)
        {
            Assert.Equal(vectors.Nearest(queries[q].Span, 20), batched[q]);
            Assert.Equal(20, batched[q].Count);
            Assert.DoesNotContain(batched[q], hit => hit.SkillId == 17);
            Assert.True(batched[q].Zip(batched[q].Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
        }
        Assert.Empty(vectors.Nearest(Array.Empty<ReadOnlyMemory<float>>(), 20));
    }
}
