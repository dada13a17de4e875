using SkillsMatch.Matching.Plans;

namespace SkillsMatch.Tests.Matching.Plans;

[Trait("Category", "Unit")]
public sealed class GapPlannerTests
{
    private static readonly SkillGap Sql = new(1, "SQL", 1.0, Essential: true);
    private static readonly SkillGap Python = new(2, "Python", 0.8, Essential: true);
    private static readonly SkillGap Tableau = new(3, "Tableau", 0.5, Essential: false);
    private static readonly SkillGap Cobol = new(4, "COBOL", 0.3, Essential: false);

    private static PlanOffering Offering(string id, double hours, decimal cost, params long[] skills) =>
        new(id, "Course " + id, "Provider", hours, cost, [.. skills.Select(s => new TaughtSkill(s, 0.9))], "online", "en", null, "accredited");

    [Fact]
    public void Fastest_and_cheapest_plans_differ_and_report_what_each_offering_closes()
    {
        var plans = GapPlanner.Plan([Sql, Python, Tableau],
        [
            Offering("bootcamp", 20, 2000m, 1, 2, 3),
            Offering("sql", 30, 100m, 1),
            Offering("py", 40, 150m, 2),
            Offering("viz", 10, 50m, 3),
        ]);

        Assert.Equal(["bootcamp"], plans.Fastest.Offerings.Select(o => o.Offering.Id));
        Assert.Equal("closes 3 of 3 gaps, leaves 0 open, 20 hours, cost 2000.00 CAD", plans.Fastest.Summary);
        Assert.Equal(["py", "sql", "viz"], plans.Cheapest.Offerings.Select(o => o.Offering.Id).Order());
        Assert.Equal(300m, plans.Cheapest.TotalCostCad);
        Assert.Equal(80, plans.Cheapest.TotalHours);
        Assert.Equal(["Python"], plans.Cheapest.Offerings.Single(o => o.Offering.Id == "py").Closes.Select(g => g.Label));
        Assert.All(new[] { plans.Fastest, plans.Cheapest }, p => Assert.Equal((PlanMethod.CpSat, true), (p.Method, p.ProvenOptimal)));
        Assert.Empty(plans.Uncoverable);
    }

    [Fact]
    public void Gaps_no_offering_teaches_confidently_enough_are_uncoverable()
    {
        var weak = new PlanOffering("weak", "Intro", "P", 5, 10m, [new TaughtSkill(Cobol.SkillId, 0.3)], "online", "en", null, "accredited");

        var plans = GapPlanner.Plan([Sql, Cobol], [Offering("sql", 10, 100m, 1), weak], new GapPlanOptions { MinConfidence = 0.5 });

        Assert.Equal([Cobol], plans.Uncoverable);
        Assert.Equal("closes 1 of 2 gaps, leaves 1 open, 10 hours, cost 100.00 CAD", plans.Cheapest.Summary);
        Assert.Equal(1, plans.CandidateOfferings);
    }

    [Fact]
    public void Nothing_to_plan_gives_empty_trivial_plans()
    {
        var plans = GapPlanner.Plan([Cobol], [Offering("sql", 10, 100m, 1)]);

        Assert.Empty(plans.Fastest.Offerings);
        Assert.Equal((PlanMethod.Trivial, true), (plans.Fastest.Method, plans.Fastest.ProvenOptimal));
        Assert.Equal("closes 0 of 1 gaps, leaves 1 open, 0 hours, cost 0.00 CAD", plans.Fastest.Summary);
    }

    [Fact]
    public void Filters_keep_only_offerings_of_the_wanted_format_language_reach_and_qa_status()
    {
        PlanOffering With(string id, string format = "online", string language = "en", string? region = null, string qa = "accredited", decimal cost = 1m, double hours = 1) =>
            Offering(id, hours, cost, 1) with { Format = format, Language = language, Region = region, QaStatus = qa };
        var offerings = new[]
        {
            With("in-person", format: "in-person", region: "CA-ON"), With("fr", language: "fr"), With("bc-hybrid", format: "hybrid", region: "CA-BC"),
            With("unreviewed", qa: "none"), With("on-hybrid", format: "hybrid", region: "CA-ON", cost: 3m, hours: 0.5), With("ns-online", region: "CA-NS", cost: 2m),
        };
        var options = new GapPlanOptions
        {
            Formats = new HashSet<string> { "online", "hybrid" }, Languages = new HashSet<string> { "en" },
            Regions = new HashSet<string> { "CA-ON" }, QaStatuses = new HashSet<string> { "accredited" },
        };

        var plans = GapPlanner.Plan([Sql], offerings, options);

        // Online courses are within reach from anywhere; hybrid ones only in the learner's region.
        Assert.Equal(["ns-online"], plans.Cheapest.Offerings.Select(o => o.Offering.Id));
        Assert.Equal(["on-hybrid"], plans.Fastest.Offerings.Select(o => o.Offering.Id));
        Assert.Equal(2, plans.CandidateOfferings);
    }

    [Fact]
    public void A_plan_that_closes_nothing_says_why_and_names_the_nearest_offerings()
    {
        var french = Offering("fr", 10, 100m, 1) with { Language = "fr" };
        var novaScotia = Offering("ns", 20, 100m, 1, 2) with { Format = "hybrid", Region = "CA-NS" };
        var options = new GapPlanOptions { Languages = new HashSet<string> { "en" }, Regions = new HashSet<string> { "CA-ON" } };

        var plans = GapPlanner.Plan([Sql, Python], [french, novaScotia], options);

        Assert.Empty(plans.Fastest.Closed);
        Assert.Contains("No offering within your language", plans.Why);
        Assert.Equal(["ns", "fr"], plans.Nearest!.Select(n => n.Id));
        Assert.Contains("hybrid in CA-NS, out of reach of CA-ON", plans.Nearest![0].WhyNotInPlan);
        Assert.Contains("taught in fr, not in en", plans.Nearest![1].WhyNotInPlan);
    }

    [Fact]
    public void When_no_offering_teaches_a_gap_the_nearest_teach_related_skills()
    {
        var related = new PlanOffering("rel", "Related course", "P", 5, 50m, [new TaughtSkill(99, 0.9, "data wrangling")], "online", "en", null, "accredited");

        var plans = GapPlanner.Plan([Cobol], [], new GapPlanOptions(), nearby: [related]);

        Assert.Equal("No offering in the catalog teaches these skills; the nearest teach related skills.", plans.Why);
        Assert.Equal(["data wrangling"], plans.Nearest!.Single().Teaches);
        Assert.Null(GapPlanner.Plan([Sql], [Offering("sql", 1, 1m, 1)]).Why);
    }

    [Fact]
    public void Ties_on_the_goal_are_broken_by_the_other_measure()
    {
        var offerings = new[] { Offering("slow", 40, 100m, 1), Offering("quick", 10, 100m, 1), Offering("dear", 10, 900m, 1) };

        var plans = GapPlanner.Plan([Sql], offerings);

        Assert.Equal("quick", plans.Cheapest.Offerings.Single().Offering.Id);
        Assert.Equal("quick", plans.Fastest.Offerings.Single().Offering.Id);
    }

    [Fact]
    public void A_budget_closes_essential_gaps_before_more_important_or_more_numerous_optional_ones()
    {
        var tableauAndCobol = Offering("optional", 10, 100m, 3, 4);
        var sql = Offering("sql", 10, 100m, 1);

        var plans = GapPlanner.Plan([Sql, Tableau, Cobol], [tableauAndCobol, sql], new GapPlanOptions { MaxTotalCost = 150m });

        Assert.Equal(["SQL"], plans.Cheapest.Closed.Select(g => g.Label));
        Assert.Equal(["Tableau", "COBOL"], plans.Cheapest.LeftOpen.Select(g => g.Label));
        Assert.Empty(plans.Uncoverable);
    }

    [Fact]
    public void Large_catalogs_fall_back_to_greedy_and_say_so()
    {
        var offerings = Enumerable.Range(0, 30).Select(i => Offering($"o{i}", 5 + i, 10m * (i + 1), 1 + i % 3, 1 + (i + 1) % 3)).ToList();

        var plans = GapPlanner.Plan([Sql, Python, Tableau], offerings, new GapPlanOptions { ExactOfferingLimit = 2 });

        Assert.Equal((PlanMethod.Greedy, false), (plans.Fastest.Method, plans.Fastest.ProvenOptimal));
        Assert.Equal(3, plans.Fastest.Closed.Count);
        Assert.Equal(3, plans.Cheapest.Closed.Count);
    }

    [Fact]
    public void Invalid_input_is_rejected_with_what_is_wrong()
    {
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => GapPlanner.Plan([Sql, Sql], [])).Message);
        Assert.Contains("hours and cost", Assert.Throws<ArgumentException>(() => GapPlanner.Plan([Sql], [Offering("x", -1, 1m, 1)])).Message);
        Assert.Contains("importance", Assert.Throws<ArgumentException>(() => GapPlanner.Plan([Sql with { Importance = double.NaN }], [])).Message);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Exact_plans_are_optimal_against_brute_force_over_every_subset(bool costBudget, bool hoursBudget)
    {
        for (var seed = 0; seed < 120; seed++)
        {
            var random = new Random(seed);
            var (gaps, offerings) = RandomInstance(random);
            var options = new GapPlanOptions
            {
                MaxTotalCost = costBudget ? random.Next(1, 8) * 50m : null,
                MaxTotalHours = hoursBudget ? random.Next(1, 8) * 5 : null,
            };

            var plans = GapPlanner.Plan(gaps, offerings, options);

            foreach (var (plan, goal) in new[] { (plans.Fastest, PlanGoal.Fastest), (plans.Cheapest, PlanGoal.Cheapest) })
            {
                Assert.True(plan.ProvenOptimal, $"seed {seed}");
                var best = BruteForce.Best(gaps, offerings, options, goal);
                var got = BruteForce.Key(gaps, plan.Offerings.Select(p => p.Offering).ToList(), options, goal);
                Assert.True(best.Equals(got), $"seed {seed} {goal}: brute force {best}, planner {got}");
                Assert.Equal(plan.Offerings.Sum(p => p.Offering.Hours), plan.TotalHours);
                Assert.Equal(plan.Closed.Count + plan.LeftOpen.Count, gaps.Count);
                Assert.Subset(plan.LeftOpen.ToHashSet(), plans.Uncoverable.ToHashSet());
            }
        }
    }

    [Fact]
    public void Greedy_plans_stay_within_budget_and_never_claim_more_than_the_optimum()
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var (gaps, offerings) = RandomInstance(new Random(seed));
            var options = new GapPlanOptions { MaxTotalCost = 150m, ExactOfferingLimit = 0 };

            var plans = GapPlanner.Plan(gaps, offerings, options);

            Assert.True(plans.Cheapest.TotalCostCad <= 150m && plans.Fastest.TotalCostCad <= 150m, $"seed {seed}");
            Assert.NotEqual(PlanMethod.CpSat, plans.Cheapest.Method);
            var greedy = BruteForce.Key(gaps, [.. plans.Cheapest.Offerings.Select(p => p.Offering)], options, PlanGoal.Cheapest);
            var best = BruteForce.Best(gaps, offerings, options, PlanGoal.Cheapest);
            Assert.True(Comparer<(int, double, int, double, double)?>.Default.Compare(greedy, best) <= 0, $"seed {seed}");
        }
    }

    private static (List<SkillGap> Gaps, List<PlanOffering> Offerings) RandomInstance(Random random)
    {
        var gaps = Enumerable.Range(1, random.Next(1, 7))
            .Select(i => new SkillGap(i, $"skill{i}", random.Next(0, 5) * 0.25, random.Next(3) == 0)).ToList();
        var offerings = Enumerable.Range(0, random.Next(1, 11)).Select(o => new PlanOffering(
            $"o{o}", $"Offering {o}", "P", random.Next(1, 8) * 5, random.Next(0, 6) * 50m,
            [.. Enumerable.Range(1, gaps.Count + 1).Where(_ => random.Next(3) == 0).Select(s => new TaughtSkill(s, random.Next(4) == 0 ? 0.2 : 0.9))],
            "online", "en", null, "accredited")).ToList();
        return (gaps, offerings);
    }

    /// <summary>Scores every subset of offerings directly, independent of the planner's encoding.</summary>
    private static class BruteForce
    {
        public static (int Essential, double Importance, int Count, double First, double Second)? Key(
            List<SkillGap> gaps, List<PlanOffering> chosen, GapPlanOptions options, PlanGoal goal)
        {
            var hours = chosen.Sum(o => o.Hours);
            var cost = (double)chosen.Sum(o => o.CostCad);
            if (hours > options.MaxTotalHours || cost > (double?)options.MaxTotalCost) return null;
            var taught = chosen.SelectMany(o => o.Teaches).Where(t => t.Confidence >= options.MinConfidence).Select(t => t.SkillId).ToHashSet();
            var closed = gaps.Where(g => taught.Contains(g.SkillId)).ToList();
            // Negated so that "greater is better" holds for every component.
            return (closed.Count(g => g.Essential), closed.Sum(g => g.Importance), closed.Count,
                -(goal == PlanGoal.Fastest ? hours : cost), -(goal == PlanGoal.Fastest ? cost : hours));
        }

        public static (int, double, int, double, double)? Best(List<SkillGap> gaps, List<PlanOffering> offerings, GapPlanOptions options, PlanGoal goal)
        {
            (int, double, int, double, double)? best = null;
            for (var mask = 0; mask < 1 << offerings.Count; mask++)
            {
                var key = Key(gaps, [.. offerings.Where((_, i) => (mask & (1 << i)) != 0)], options, goal);
                if (key is { } k && (best is not { } b || Comparer<(int, double, int, double, double)>.Default.Compare(k, b) > 0)) best = k;
            }
            return best;
        }
    }
}
