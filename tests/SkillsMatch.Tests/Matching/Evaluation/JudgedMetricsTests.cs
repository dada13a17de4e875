using SkillsMatch.Matching.Evaluation;

namespace SkillsMatch.Tests.Matching.Evaluation;

/// <summary>NDCG, Spearman and Cohen's κ on cases small enough to work out by hand (the sums are in the comments).</summary>
[Trait("Category", "Unit")]
public sealed class JudgedMetricsTests
{
    private const double Tolerance = 1e-4;

    [Fact]
    public void Ndcg_is_one_in_the_ideal_order_and_reads_the_discounts_in_the_reverse_one()
    {
        int[] grades = [3, 2, 0];

        Assert.Equal(1.0, JudgedMetrics.Ndcg(grades, [0.9, 0.5, 0.1], 5)!.Value, Tolerance);
        // Reverse: 0/log2(2) + 3/log2(3) + 7/log2(4) = 5.3928; ideal 7 + 3/log2(3) + 0 = 8.8928.
        Assert.Equal(5.3928 / 8.8928, JudgedMetrics.Ndcg(grades, [0.1, 0.5, 0.9], 5)!.Value, Tolerance);
        // Cut at 1: the first place holds grade 0 of an ideal 7.
        Assert.Equal(0.0, JudgedMetrics.Ndcg(grades, [0.1, 0.5, 0.9], 1)!.Value, Tolerance);
    }

    [Fact]
    public void Tied_scores_count_as_the_mean_over_their_orders_whatever_order_the_file_lists_them_in()
    {
        // Two orders, equally likely: 7/7 and (0 + 7/log2(3))/7 → (1 + 0.63093)/2.
        Assert.Equal(0.81546, JudgedMetrics.Ndcg([3, 0], [0.5, 0.5], 5)!.Value, Tolerance);
        Assert.Equal(0.81546, JudgedMetrics.Ndcg([0, 3], [0.5, 0.5], 5)!.Value, Tolerance);
        // A three-way tie cut at 1: the 3 is first one time in three.
        Assert.Equal(1.0 / 3, JudgedMetrics.Ndcg([3, 0, 0], [1, 1, 1], 1)!.Value, Tolerance);
    }

    [Fact]
    public void Ndcg_is_undefined_when_no_candidate_has_a_grade_above_zero()
    {
        Assert.Null(JudgedMetrics.Ndcg([0, 0, 0], [0.3, 0.2, 0.1], 5));
    }

    [Fact]
    public void Spearman_uses_average_ranks_for_ties()
    {
        // No ties: d = 0, 1, 1, 0 → 1 − 6·2/(4·15) = 0.8.
        Assert.Equal(0.8, JudgedMetrics.Spearman([1, 2, 3, 4], [1, 3, 2, 4])!.Value, Tolerance);
        // Grades 0, 0, 1 rank 1.5, 1.5, 3 against 1, 2, 3: covariance 1.5, variances 1.5 and 2 → 1.5/√3.
        Assert.Equal(1.5 / Math.Sqrt(3), JudgedMetrics.Spearman([0, 0, 1], [1, 2, 3])!.Value, Tolerance);
        Assert.Equal(-1.0, JudgedMetrics.Spearman([0, 1, 2], [3, 2, 1])!.Value, Tolerance);
        Assert.Null(JudgedMetrics.Spearman([1, 1, 1], [1, 2, 3]));
        Assert.Null(JudgedMetrics.Spearman([0, 1, 2], [5, 5, 5]));
    }

    [Fact]
    public void Unweighted_kappa_on_a_two_by_two_table()
    {
        // Agreement 7/10; grader A gives 0 four times in ten, B five → chance .4·.5 + .6·.5 = .5 → (.7 − .5)/.5.
        int[] a = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
        int[] b = [0, 0, 0, 1, 1, 1, 1, 1, 0, 0];

        Assert.Equal(0.4, CohenKappa.Of(a, b, 2, KappaWeights.Unweighted)!.Value, Tolerance);
    }

    [Fact]
    public void Weighted_kappa_gives_half_credit_to_a_grade_one_step_off_on_three_grades()
    {
        int[] a = [0, 1, 2];
        int[] b = [0, 2, 2];

        // Unweighted: observed 2/3, chance 1/3·1/3 + 1/3·2/3 = 1/3 → (2/3 − 1/3)/(2/3).
        Assert.Equal(0.5, CohenKappa.Of(a, b, 3, KappaWeights.Unweighted)!.Value, Tolerance);
        // Linear: observed (1 + .5 + 1)/3; chance (1/3 + 1/2 + 2/3)/3 = .5 → (.8333 − .5)/.5.
        Assert.Equal(2.0 / 3, CohenKappa.Of(a, b, 3, KappaWeights.Linear)!.Value, Tolerance);
        // Quadratic: one step off weighs 1 − (1/2)² = .75: observed 2.75/3; chance (1/3 + 3/4 + 2/3)/3 = .5833.
        Assert.Equal((2.75 / 3 - 1.75 / 3) / (1 - 1.75 / 3), CohenKappa.Of(a, b, 3, KappaWeights.Quadratic)!.Value, Tolerance);
    }

    [Fact]
    public void Kappa_is_one_for_identical_grades_and_undefined_when_both_give_one_grade_to_all()
    {
        Assert.Equal(1.0, CohenKappa.Of([0, 1, 2, 3], [0, 1, 2, 3], 4, KappaWeights.Linear)!.Value, Tolerance);
        Assert.Null(CohenKappa.Of([2, 2], [2, 2], 4, KappaWeights.Unweighted));
    }

    [Fact]
    public void A_method_figure_is_the_mean_over_postings_where_it_is_defined()
    {
        var figures = JudgedRanking.Of("test", [
            ("p1", 3, 0.9), ("p1", 0, 0.1),   // ideal: NDCG 1, ρ 1
            ("p2", 3, 0.1), ("p2", 0, 0.9),   // reversed: NDCG 1/log2(3) = 0.63093, ρ −1
            ("p3", 0, 0.5), ("p3", 0, 0.4),   // nothing to find: in neither mean
        ]);

        Assert.Equal((1 + 0.63093) / 2, figures.Ndcg5, Tolerance);
        Assert.Equal(0.0, figures.Spearman, Tolerance);
        Assert.Equal((2, 2), (figures.NdcgPostings, figures.SpearmanPostings));
    }
}
