using SkillsMatch.Extraction;

namespace SkillsMatch.Tests.Extraction;

[Trait("Category", "Unit")]
public class SkillVectorsTests
{
    private static float[] UnitVector(Random random)
    {
        var v = Enumerable.Range(0, 384).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    [Fact]
    public void Nearest_ranks_every_skill_exactly_for_each_query()
    {
        var random = new Random(3);
        // One skill has no vector and can never be found.
        var skills = Enumerable.Range(1, 300)
            .Select(i => new ExtractionSkill(i, $"s{i}", $"skill {i}", [], i == 17 ? null : UnitVector(random))).ToList();
        var vectors = new SkillVectors(skills);
        ReadOnlyMemory<float>[] queries = [.. Enumerable.Range(0, 5).Select(_ => new ReadOnlyMemory<float>(UnitVector(random)))];

        var nearest = vectors.Nearest(queries, 20);

        Assert.Equal(queries.Length, nearest.Length);
        for (var q = 0; q < queries.Length; q++)
        {
            var expected = skills.Where(s => s.Vector is not null)
                .Select(s => (s.Id, Score: s.Vector!.Zip(queries[q].ToArray(), (a, b) => (double)a * b).Sum()))
                .OrderByDescending(hit => hit.Score).Take(20).ToList();
            Assert.Equal(expected.Select(hit => hit.Id), nearest[q].Select(hit => hit.SkillId));
            Assert.All(expected.Zip(nearest[q]), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 5));
        }
        Assert.Empty(vectors.Nearest(Array.Empty<ReadOnlyMemory<float>>(), 20));
    }

    [Fact]
    public void Asking_for_more_skills_than_there_are_returns_them_all()
    {
        var random = new Random(5);
        var skills = Enumerable.Range(1, 3).Select(i => new ExtractionSkill(i, $"s{i}", $"skill {i}", [], UnitVector(random))).ToList();

        var nearest = new SkillVectors(skills).Nearest([new ReadOnlyMemory<float>(UnitVector(random))], 20);

        Assert.Equal(3, Assert.Single(nearest).Count);
    }

    [Fact]
    public void A_taxonomy_without_vectors_finds_nothing()
    {
        var skills = new[] { new ExtractionSkill(1, "s1", "skill 1", [], null) };

        var nearest = new SkillVectors(skills).Nearest([new ReadOnlyMemory<float>(new float[384])], 20);

        Assert.Empty(Assert.Single(nearest));
    }
}
