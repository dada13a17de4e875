using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Training;

namespace SkillsMatch.Tests.Matching.Training;

[Trait("Category", "Unit")]
public sealed class RankerTrainingTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Training_on_a_small_synthetic_taxonomy_beats_coverage_alone_on_held_out_occupations_with_monotone_shapes()
    {
        var taxonomy = new SyntheticTaxonomy();
        var dataset = WeakSupervision.Build(taxonomy.Occupations, taxonomy.Graph, new WeakSupervision.Options(Seed: 5, GroupsPerRole: 4), AsOf);

        var scorer = RankerTrainer.Train(dataset.Train, new RankerTrainer.Options(Seed: 5));
        var evaluation = RankerEvaluation.Of(scorer, dataset.Test);

        Assert.True(evaluation.Learned.At5 > evaluation.RequiredCoverage.At5, $"learned {evaluation.Learned} vs coverage {evaluation.RequiredCoverage}");
        Assert.True(evaluation.BeatsCoverage);
        Assert.All(scorer.Shapes, s => Assert.True(s.IsStrictlyIncreasingFromZero));
        Assert.Equal(100, scorer.Shapes.Sum(s => s.Maximum), 6);
        Assert.InRange(scorer.SimilarityBound, 0, 10 + 1e-9);
        Assert.Equal(dataset.Test.Select(e => e.Group).Distinct().Count(), evaluation.Groups);
    }

    [Fact]
    public void Held_out_occupations_never_appear_in_training_groups()
    {
        var taxonomy = new SyntheticTaxonomy();
        var dataset = WeakSupervision.Build(taxonomy.Occupations, taxonomy.Graph, new WeakSupervision.Options(Seed: 11, HoldOutShare: 0.25), AsOf);

        Assert.Equal(9, dataset.HeldOutOccupationIds.Count); // 25% of 36
        Assert.NotEmpty(dataset.Train);
        Assert.DoesNotContain(dataset.Train, e => dataset.HeldOutOccupationIds.Contains(e.RoleOccupationId) || dataset.HeldOutOccupationIds.Contains(e.SourceOccupationId));
        Assert.All(dataset.Test, e => Assert.Contains(e.RoleOccupationId, dataset.HeldOutOccupationIds));
        Assert.Empty(dataset.Train.Select(e => e.Group).Intersect(dataset.Test.Select(e => e.Group)));
        // Every test group holds candidates of every grade from "same occupation" down to unrelated.
        Assert.All(dataset.Test.GroupBy(e => e.Group), g => Assert.Contains(g, e => e.Label == 3));
        Assert.Contains(dataset.Test, e => e.Label == 0);
    }

    [Fact]
    public void Relevance_grades_follow_how_the_occupations_relate()
    {
        OccupationProfile Occupation(long id, string? isco) => new(id, $"o{id}", isco, null, []);
        var role = Occupation(1, "2511");

        Assert.Equal(3, RelevanceGrade.Of(role, role, 1));
        Assert.Equal(2, RelevanceGrade.Of(Occupation(2, "2511"), role, 0));
        Assert.Equal(2, RelevanceGrade.Of(Occupation(3, "9999"), role, 0.35));
        Assert.Equal(1, RelevanceGrade.Of(Occupation(4, "2512"), role, 0));
        Assert.Equal(1, RelevanceGrade.Of(Occupation(5, null), role, 0.12));
        Assert.Equal(0, RelevanceGrade.Of(Occupation(6, "7411"), role, 0.05));
    }

    [Fact]
    public void Isotonic_regression_pools_violators_and_fills_empty_bins()
    {
        var fitted = RankerTrainer.Isotonic([1, 6, 2, 0, 8], [1, 2, 1, 0, 2]); // means 1, 3, 2, –, 4

        Assert.Equal(new[] { 1, 8.0 / 3, 8.0 / 3, 8.0 / 3, 4 }.Select(v => Math.Round(v, 9)), fitted.Select(v => Math.Round(v, 9)));
    }

    private static readonly int[] Labels = [3, 0, 2, 1];

    [Fact]
    public void Ndcg_is_one_for_the_ideal_order_and_lower_for_the_reverse()
    {
        var features = new MatchFeatures(new float[MatchFeatures.Count]);
        var examples = Labels.Select(label => new RankingExample("g", label, features, 1, 1)).ToArray();

        Assert.Equal(1, RankingMetrics.Ndcg(examples, [3, 0, 2, 1], 10), 6);
        // Reverse order (labels 0, 1, 2, 3): DCG = 0 + 1/log2(3) + 3/log2(4) + 7/log2(5), against the ideal 7 + 3/log2(3) + 1/log2(4).
        var reversed = RankingMetrics.Ndcg(examples, [0, 3, 1, 2], 10);
        var ideal = 7 + (3 / Math.Log2(3)) + 0.5;
        Assert.Equal((0 + (1 / Math.Log2(3)) + (3 / 2.0) + (7 / Math.Log2(5))) / ideal, reversed, 6);
    }

    [Fact]
    public void Feature_names_follow_the_enum_in_a_fixed_order()
    {
        Assert.Equal(MatchFeatures.Count, Enum.GetValues<MatchFeature>().Length);
        Assert.Equal("RequiredCoverage", MatchFeatures.Names[0]);
        Assert.Equal(nameof(MatchFeature.EmbeddingCosine), MatchFeatures.Names[(int)MatchFeature.EmbeddingCosine]);
    }
}
