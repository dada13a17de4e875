using SkillsMatch.Matching.Features;

using static SkillsMatch.Tests.Matching.Features.SmallSkillGraph;

namespace SkillsMatch.Tests.Matching.Features;

[Trait("Category", "Unit")]
public sealed class PartialCreditTests
{
    private static readonly SkillGraph Graph = Build();

    private static RequirementOutcome OutcomeFor(long required, params long[] held)
    {
        var role = Role(new RoleRequirement(required, RequirementKind.Essential));
        return Assert.Single(MatchFeatureBuilder.Analyze(role, Learner(held.Select(h => Held(h)).ToArray()), Graph, AsOf).Requirements);
    }

    [Fact]
    public void A_broader_skill_gives_partial_credit_at_its_similarity()
    {
        var outcome = OutcomeFor(Excel, Spreadsheets);

        Assert.Equal(RequirementStatus.Partial, outcome.Status);
        Assert.Equal(new PartialCredit(Spreadsheets, SkillRelationKind.Broader, 0.9), outcome.Partial! with { Similarity = Math.Round(outcome.Partial.Similarity, 3) });
        Assert.Equal(Spreadsheets, outcome.PartialSkill!.SkillId);
    }

    [Fact]
    public void Narrower_related_crosswalk_and_similar_skills_give_partial_credit()
    {
        Assert.Equal(SkillRelationKind.Narrower, OutcomeFor(Spreadsheets, Excel).Partial!.Kind);
        var related = OutcomeFor(Sql, DataModelling).Partial!;
        Assert.Equal((SkillRelationKind.Related, 0.8), (related.Kind, Math.Round(related.Similarity, 3)));
        var crosswalk = OutcomeFor(Sql, EscoSql).Partial!;
        Assert.Equal((SkillRelationKind.Crosswalk, 0.93), (crosswalk.Kind, Math.Round(crosswalk.Similarity, 2)));
        var similar = OutcomeFor(Pandas, Python).Partial!;
        Assert.Equal(SkillRelationKind.Similar, similar.Kind);
        Assert.True(similar.Similarity > 0.95);
    }

    [Fact]
    public void An_unrelated_skill_gives_nothing_and_the_skill_itself_beats_a_related_one()
    {
        var missing = OutcomeFor(Welding, Python, Sql);
        Assert.Equal(RequirementStatus.Missing, missing.Status);
        Assert.Null(missing.Partial);

        var matched = OutcomeFor(Excel, Spreadsheets, Excel);
        Assert.Equal(RequirementStatus.Matched, matched.Status);
        Assert.Equal(Excel, matched.Held!.SkillId);
    }

    [Fact]
    public void Partial_credit_raises_partial_coverage_but_not_exact_coverage()
    {
        var role = Role(new RoleRequirement(Excel, RequirementKind.Essential), new RoleRequirement(Sql, RequirementKind.Essential));
        var features = MatchFeatureBuilder.Analyze(role, Learner(Held(Spreadsheets), Held(Sql)), Graph, AsOf).Features;

        Assert.Equal(0.5f, features[MatchFeature.RequiredCoverage]);
        Assert.Equal((1 + 0.9f) / 2, features[MatchFeature.PartialCreditCoverage], 3);
    }

    [Fact]
    public void A_link_below_half_similarity_gives_no_partial_credit()
    {
        // Issue 18: gaps counted "partial" matches through links at similarity 0.11–0.15.
        var weak = new SkillGraph([new SkillEdge(Welding, Python, SkillRelationKind.Crosswalk, 0.12)], new Dictionary<long, float[]>());
        var role = Role(new RoleRequirement(Welding, RequirementKind.Essential));

        var outcome = Assert.Single(MatchFeatureBuilder.Analyze(role, Learner(Held(Python)), weak, AsOf).Requirements);

        Assert.Equal(RequirementStatus.Missing, outcome.Status);
        Assert.True(SkillGraph.MinimumPartialSimilarity >= 0.5);
    }
}
