using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Training;

namespace SkillsMatch.Tests.Matching.Training;

/// <summary>
/// A small made-up taxonomy in memory: 6 families (ISCO minor groups) of 6 occupations. Each family has 24 skills
/// whose vectors lie near the family's centre; the first four are broader parents of the rest; every occupation
/// takes 8 essential and 4 optional skills from its family plus one of 6 shared transversal skills.
/// </summary>
public sealed class SyntheticTaxonomy
{
    public const int Families = 6, OccupationsPerFamily = 6, SkillsPerFamily = 24, Transversal = 6;

    public SyntheticTaxonomy(int seed = 3)
    {
        var random = new Random(seed);
        var vectors = new Dictionary<long, float[]>();
        var edges = new List<SkillEdge>();
        var occupations = new List<OccupationProfile>();
        var transversal = Enumerable.Range(0, Transversal).Select(t => 9000L + t).ToArray();
        foreach (var t in transversal) vectors[t] = Unit(RandomVector(random, 1));
        for (var f = 0; f < Families; f++)
        {
            var centre = RandomVector(random, 1);
            var skills = Enumerable.Range(0, SkillsPerFamily).Select(s => (long)((f * 100) + s)).ToArray();
            foreach (var s in skills) vectors[s] = Unit(Add(centre, RandomVector(random, 0.6)));
            for (var s = 4; s < skills.Length; s++) edges.Add(new SkillEdge(skills[s], skills[s % 4], SkillRelationKind.Broader));
            for (var o = 0; o < OccupationsPerFamily; o++)
            {
                var picked = skills.OrderBy(_ => random.Next()).Take(12).ToArray();
                var requirements = picked.Select((s, i) => new RoleRequirement(s, i < 8 ? RequirementKind.Essential : RequirementKind.Optional))
                    .Append(new RoleRequirement(transversal[random.Next(Transversal)], RequirementKind.Optional)).ToList();
                occupations.Add(new OccupationProfile((f * 10) + o + 1, $"occupation {f}.{o}", $"25{f}{o % 2}", null, requirements));
            }
        }
        Occupations = occupations;
        Graph = new SkillGraph(edges, vectors);
    }

    public IReadOnlyList<OccupationProfile> Occupations { get; }

    public SkillGraph Graph { get; }

    private static float[] RandomVector(Random random, double scale) =>
        Enumerable.Range(0, 32).Select(_ => (float)(((random.NextDouble() * 2) - 1) * scale)).ToArray();

    private static float[] Add(float[] a, float[] b) => a.Zip(b, (x, y) => x + y).ToArray();

    private static float[] Unit(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
