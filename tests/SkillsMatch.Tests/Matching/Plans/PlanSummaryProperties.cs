using System.Globalization;
using CsCheck;
using SkillsMatch.Matching.Plans;
using Xunit.Abstractions;

namespace SkillsMatch.Tests.Matching.Plans;

/// <summary>
/// Issue 18, item 6: a plan's summary always agrees with its lists ("closes N of M, leaves K open" with N closed and K
/// left open, N + K = M), whatever the gaps, offerings, languages, reach and budgets; and a plan that closes nothing
/// always says why.
/// </summary>
[Trait("Category", "Unit")]
public sealed class PlanSummaryProperties(ITestOutputHelper output)
{
    private const int Cases = 500;
    private static readonly string[] Regions = ["CA-ON", "CA-NS", "CA-QC", "CA-BC"];
    private static readonly string[] Formats = ["online", "in-person", "hybrid"];

    private static readonly Gen<(List<SkillGap> Gaps, List<PlanOffering> Offerings, GapPlanOptions Options)> GenInstance =
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 9], Gen.Int, Gen.Bool, Gen.Bool, Gen.Int[0, 3]).Select(t =>
        {
            var (gapCount, offeringCount, seed, english, budget, region) = t;
            var random = new Random(seed);
            var gaps = Enumerable.Range(1, gapCount).Select(i => new SkillGap(i, $"skill{i}", random.Next(0, 5) * 0.25, random.Next(3) == 0)).ToList();
            var offerings = Enumerable.Range(0, offeringCount).Select(o => new PlanOffering(
                $"o{o}", $"Offering {o}", "P", random.Next(1, 8) * 5, random.Next(0, 6) * 50m,
                [.. Enumerable.Range(1, gapCount + 2).Where(_ => random.Next(3) == 0).Select(s => new TaughtSkill(s, random.Next(4) == 0 ? 0.2 : 0.9))],
                Formats[random.Next(3)], random.Next(3) == 0 ? "fr" : "en", random.Next(3) == 0 ? null : Regions[random.Next(4)], "accredited")).ToList();
            var options = new GapPlanOptions
            {
                Languages = new HashSet<string> { english ? "en" : "fr" },
                Regions = new HashSet<string> { Regions[region] },
                MaxTotalCost = budget ? random.Next(0, 5) * 50m : null,
            };
            return (gaps, offerings, options);
        });

    [Fact]
    public void The_summary_agrees_with_the_lists_and_a_plan_closing_nothing_says_why()
    {
        var ran = 0;
        GenInstance.Sample(t =>
        {
            Interlocked.Increment(ref ran);
            var plans = GapPlanner.Plan(t.Gaps, t.Offerings, t.Options);
            foreach (var plan in new[] { plans.Fastest, plans.Cheapest })
            {
                var closed = plan.Closed.Select(g => g.SkillId).ToHashSet();
                if (plan.Closed.Count + plan.LeftOpen.Count != t.Gaps.Count || plan.LeftOpen.Any(g => closed.Contains(g.SkillId))) return false;
                var expected = string.Create(CultureInfo.InvariantCulture, $"closes {plan.Closed.Count} of {t.Gaps.Count} gaps, leaves {plan.LeftOpen.Count} open,");
                if (!plan.Summary.StartsWith(expected, StringComparison.Ordinal)) return false;
                if (!plans.Uncoverable.All(u => plan.LeftOpen.Contains(u))) return false;
            }
            var closesNothing = t.Gaps.Count > 0 && plans.Fastest.Closed.Count == 0;
            return closesNothing == plans.Why is not null;
        }, iter: Cases, threads: 1);
        output.WriteLine($"plan summary: {ran} generated cases");
        Assert.Equal(Cases, ran);
    }
}
