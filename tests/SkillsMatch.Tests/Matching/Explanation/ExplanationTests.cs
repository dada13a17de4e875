using SkillsMatch.Learners;
using SkillsMatch.Matching.Explanation;
using SkillsMatch.Matching.Features;
using SkillsMatch.Tests.Matching.Ranking;

using static SkillsMatch.Tests.Matching.Features.SmallSkillGraph;

namespace SkillsMatch.Tests.Matching.Explanation;

[Trait("Category", "Unit")]
public sealed class ExplanationTests
{
    [Fact]
    public void Every_requirement_appears_once_as_matched_partial_or_missing_with_its_evidence()
    {
        var role = Role(
            new RoleRequirement(Excel, RequirementKind.Essential, Label: "Microsoft Excel"),
            new RoleRequirement(Sql, RequirementKind.Essential, Label: "SQL"),
            new RoleRequirement(Welding, RequirementKind.Optional, Label: "welding"),
            new RoleRequirement(Python, RequirementKind.Optional, Label: "Python"));
        var learner = Learner(
            Held(Excel, EvidenceTier.CredentialVerified, "Excel Expert badge", CredentialQaStatus.Accredited),
            Held(DataModelling, EvidenceTier.Inferred, "work experience: data modeller"),
            Held(Python, EvidenceTier.SelfDeclared, "self-declared"));

        var result = Assert.Single(ScoreContributions.Explain(CommittedRanker.Scorer, CommittedRanker.Scorer.Score([(role, learner)], Build(), AsOf)));

        var outcomes = result.Analysis.Requirements.ToDictionary(o => o.Requirement.SkillId); // throws on a repeated requirement
        Assert.Equal([Excel, Sql, Welding, Python], result.Analysis.Requirements.Select(o => o.Requirement.SkillId));
        Assert.Equal((RequirementStatus.Matched, EvidenceTier.CredentialVerified, "Excel Expert badge"),
            (outcomes[Excel].Status, outcomes[Excel].Held!.Tier, outcomes[Excel].Held!.Evidence));
        Assert.Equal(RequirementStatus.Partial, outcomes[Sql].Status);
        Assert.Equal((DataModelling, SkillRelationKind.Related), (outcomes[Sql].Partial!.HeldSkillId, outcomes[Sql].Partial!.Kind));
        Assert.Equal("work experience: data modeller", outcomes[Sql].PartialSkill!.Evidence);
        Assert.Equal(RequirementStatus.Missing, outcomes[Welding].Status);
        Assert.Null(outcomes[Welding].Held);
        Assert.Equal((RequirementStatus.Matched, EvidenceTier.SelfDeclared), (outcomes[Python].Status, outcomes[Python].Held!.Tier));
        Assert.InRange(result.Score, 0, 100);
    }

    [Fact]
    public void Contributions_name_each_feature_group_once_largest_first_and_add_up_to_the_score()
    {
        var graph = Build();
        long[] required = [Excel, Sql, Spreadsheets];
        var role = new RoleProfile([.. required.Select(s => new RoleRequirement(s, RequirementKind.Essential)), new RoleRequirement(Python, RequirementKind.Optional)],
            graph.MeanVector(required.Select(s => (s, 1.0))));
        var learner = new LearnerSkills([Held(Excel, EvidenceTier.CredentialVerified, qa: CredentialQaStatus.Accredited),
            Held(Sql, EvidenceTier.CredentialVerified, qa: CredentialQaStatus.Framework), Held(Spreadsheets, EvidenceTier.Attested)],
            graph.MeanVector(required.Select(s => (s, 1.0))));

        var result = Assert.Single(ScoreContributions.Explain(CommittedRanker.Scorer, CommittedRanker.Scorer.Score([(role, learner)], graph, AsOf)));
        var plain = Assert.Single(CommittedRanker.Scorer.Score([(role, learner)], graph, AsOf));

        var listed = string.Join(", ", result.Contributions.Select(c => $"{c.Name}: {c.Points:F1}"));
        Assert.Empty(plain.Contributions);
        Assert.Equal(plain.RawScore, result.RawScore);
        Assert.Equal(FeatureGroups.All.Select(g => g.Name).Order(), result.Contributions.Select(c => c.Name).Order());
        Assert.Equal(MatchFeatures.Names.Order(), result.Contributions.SelectMany(c => c.Features).Select(f => f.Feature).Order());
        Assert.Equal(result.Contributions.OrderByDescending(c => c.Points).Select(c => c.Name), result.Contributions.Select(c => c.Name));
        Assert.Equal(result.Score, result.Contributions.Sum(c => c.Points), 9);
        var essential = Assert.Single(result.Contributions, c => c.Name == "EssentialSkills");
        Assert.Equal(1.0, Assert.Single(essential.Features, f => f.Feature == nameof(MatchFeature.RequiredCoverage)).Value);
        Assert.True(essential.Points > 0, listed);
        Assert.True(result.Score > 50, $"score {result.Score:F1}: {listed}");
    }

    [Fact]
    public void Fully_recent_verified_evidence_contributes_nothing_negative()
    {
        // Issue 18: fully recent evidence showed a −2.35 "Recency" contribution against a "typical candidate".
        var graph = Build();
        long[] required = [Excel, Sql];
        var role = new RoleProfile([.. required.Select(s => new RoleRequirement(s, RequirementKind.Essential))], graph.MeanVector(required.Select(s => (s, 1.0))));
        var learner = new LearnerSkills(required.Select(s => new LearnerSkill(s, EvidenceTier.CredentialVerified, null, null, AsOf, CredentialQaStatus.Accredited)),
            graph.MeanVector(required.Select(s => (s, 1.0))));

        var result = Assert.Single(ScoreContributions.Explain(CommittedRanker.Scorer, CommittedRanker.Scorer.Score([(role, learner)], graph, AsOf)));

        var recency = Assert.Single(result.Contributions, c => c.Name == "Recency");
        Assert.Equal(recency.Features.Single().Points, CommittedRanker.Scorer.Shapes[(int)MatchFeature.RecentRequiredCoverage].Maximum, 9);
        Assert.All(result.Contributions, c => Assert.True(c.Points >= 0, $"{c.Name}: {c.Points}"));
        Assert.Contains("none of the required skills", MatchExplanation.Meaning);
    }
}
