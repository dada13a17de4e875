using CsCheck;
using SkillsMatch.Extraction;
using SkillsMatch.Learners;
using SkillsMatch.Matching.Explanation;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Ranking;
using SkillsMatch.Tests.Matching.Training;
using Xunit.Abstractions;

namespace SkillsMatch.Tests.Matching.Ranking;

/// <summary>
/// Issue 18's guarantees, checked with CsCheck on the committed model over generated roles and learners (skills from
/// the synthetic taxonomy, so partial credit through links and vectors is exercised): a superset at equal or better
/// tiers never scores lower; raising a tier never lowers a score; at equal coverage credential-verified &gt; attested &gt;
/// inferred &gt; self-declared; profile similarity moves a score by at most the documented bound; contributions are
/// never negative and add up to the score.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ScoreShapeProperties(ITestOutputHelper output)
{
    public const int Cases = 3000;

    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SyntheticTaxonomy Taxonomy = new();
    private static readonly long[] Pool = [.. Enumerable.Range(0, SyntheticTaxonomy.Families).SelectMany(f => Enumerable.Range(0, SyntheticTaxonomy.SkillsPerFamily).Select(s => (long)((f * 100) + s))),
        .. Enumerable.Range(0, SyntheticTaxonomy.Transversal).Select(t => 9000L + t)];
    private static readonly Proficiency?[] Levels = [null, null, Proficiency.Beginner, Proficiency.Intermediate, Proficiency.Advanced, Proficiency.Expert];

    private static readonly Gen<RoleProfile> GenRole =
        Gen.Select(Gen.Int[1, 12], Gen.Int[0, 5], Gen.Int[0, Pool.Length - 1].Array[20], Gen.Int[0, 5].Array[20], Gen.Bool.Array[20])
            .Select((essential, optional, picks, levels, halves) =>
            {
                var skills = picks.Select(p => Pool[p]).Distinct().Take(essential + optional).ToArray();
                var requirements = skills.Select((s, i) => new RoleRequirement(s, i < essential ? RequirementKind.Essential : RequirementKind.Optional,
                    halves[i] ? 0.5 : 1, Levels[levels[i]], levels[i] == 1 ? 3 : null)).ToList();
                return new RoleProfile(requirements, Taxonomy.Graph.MeanVector(skills.Select(s => (s, 1.0))));
            });

    private static readonly Gen<LearnerSkill> GenSkill =
        Gen.Select(Gen.Int[0, Pool.Length - 1], Gen.Int[1, 4], Gen.Int[0, 5], Gen.Int[0, 72], Gen.Int[0, 2])
            .Select((p, tier, level, months, qa) => new LearnerSkill(Pool[p], (EvidenceTier)tier, Levels[level], level, AsOf.AddMonths(-months), (CredentialQaStatus)qa));

    /// <summary>A role and a learner holding some of its requirements (each with probability 0.5) and a few other skills.</summary>
    private static readonly Gen<(RoleProfile Role, LearnerSkill[] Held, float[] Embedding)> GenCase =
        Gen.Select(GenRole, Gen.Bool.Array[20], GenSkill.Array[0, 6], GenSkill.Array[20], Gen.Int[0, Pool.Length - 1].Array[4])
            .Select((role, holds, extra, templates, mix) =>
            {
                var held = role.Requirements.Select((r, i) => holds[i] ? templates[i] with { SkillId = r.SkillId } : null).OfType<LearnerSkill>()
                    .Concat(extra).GroupBy(s => s.SkillId).Select(g => g.First()).ToArray();
                var embedding = Taxonomy.Graph.MeanVector(held.Select(h => (h.SkillId, 1.0)).Concat(mix.Select(m => (Pool[m], 1.0)))) ?? [];
                return (role, held, embedding);
            });

    private static double Score(RoleProfile role, IEnumerable<LearnerSkill> held, float[] embedding) =>
        CommittedRanker.Scorer.Score([(role, new LearnerSkills(held, embedding))], Taxonomy.Graph, AsOf)[0].Score;

    private static EvidenceTier Raise(EvidenceTier tier, int by) => (EvidenceTier)Math.Min(4, (int)tier + by);

    /// <summary>Checks <paramref name="property"/> on <see cref="Cases"/> generated cases and reports how many ran.</summary>
    private void Check<T>(string name, Gen<T> gen, Func<T, bool> property)
    {
        var ran = 0;
        gen.Sample(t =>
        {
            Interlocked.Increment(ref ran);
            return property(t);
        }, iter: Cases, threads: 1);
        output.WriteLine($"{name}: {ran} generated cases");
        Assert.Equal(Cases, ran);
    }

    [Fact]
    public void A_superset_of_skills_at_equal_or_better_tiers_never_scores_lower() =>
        Check("superset", Gen.Select(GenCase, Gen.Int[0, 3].Array[20], GenSkill.Array[1, 6], Gen.Bool.Array[20]), t =>
        {
            var (c, raises, added, alsoRequired) = t;
            var better = c.Held.Select((s, i) => s with { Tier = Raise(s.Tier, raises[i % raises.Length]) })
                .Concat(added.Select((s, i) => alsoRequired[i] ? s with { SkillId = c.Role.Requirements[i % c.Role.Requirements.Count].SkillId } : s))
                .ToArray();
            return Score(c.Role, better, c.Embedding) >= Score(c.Role, c.Held, c.Embedding) - 1e-9;
        });

    [Fact]
    public void Raising_one_skill_tier_never_lowers_the_score() =>
        Check("raise a tier", Gen.Select(GenCase, Gen.Int[0, 19], Gen.Int[1, 3]).Where(t => t.Item1.Held.Length > 0), t =>
        {
            var (c, pick, by) = t;
            var i = pick % c.Held.Length;
            var raised = c.Held.Select((s, j) => j == i ? s with { Tier = Raise(s.Tier, by) } : s).ToArray();
            return Score(c.Role, raised, c.Embedding) >= Score(c.Role, c.Held, c.Embedding) - 1e-9;
        });

    [Fact]
    public void At_equal_coverage_verified_beats_attested_beats_inferred_beats_self_declared() =>
        Check("tier order", GenCase.Where(c => c.Held.Any(h => c.Role.Requirements.Any(r => r.SkillId == h.SkillId && r.Kind == RequirementKind.Essential))), c =>
        {
            // The same skills, dates and levels at each tier, no QA status: only the tier differs.
            var scores = Enum.GetValues<EvidenceTier>().Order()
                .Select(tier => Score(c.Role, c.Held.Select(s => s with { Tier = tier, CredentialQa = CredentialQaStatus.None }), c.Embedding)).ToArray();
            return scores.Zip(scores.Skip(1)).All(p => p.Second > p.First);
        });

    [Fact]
    public void Profile_similarity_moves_a_score_by_at_most_the_documented_bound()
    {
        var bound = CommittedRanker.Scorer.SimilarityBound;
        Assert.InRange(bound, 0, 10 + 1e-9);
        Check($"similarity bound {bound:F2}", Gen.Select(GenCase, Gen.Int[0, Pool.Length - 1].Array[1, 8]), t =>
        {
            var (c, other) = t;
            var unrelated = Taxonomy.Graph.MeanVector(other.Select(o => (Pool[o], 1.0))) ?? [];
            var (a, b, none) = (Score(c.Role, c.Held, c.Embedding), Score(c.Role, c.Held, unrelated), Score(c.Role, c.Held, []));
            return Math.Abs(a - b) <= bound + 1e-9 && Math.Abs(a - none) <= bound + 1e-9;
        });
    }

    [Fact]
    public void Contributions_are_never_negative_and_add_up_to_the_score() =>
        Check("contributions", GenCase, c =>
        {
            var scorer = CommittedRanker.Scorer;
            var result = ScoreContributions.Explain(scorer, scorer.Score([(c.Role, new LearnerSkills(c.Held, c.Embedding))], Taxonomy.Graph, AsOf))[0];
            return result.Contributions.All(g => g.Points >= 0 && g.Features.All(f => f.Points >= 0 && f.Reference == 0))
                   && Math.Abs(result.Contributions.Sum(g => g.Points) - result.Score) < 1e-9;
        });

    [Fact]
    public void The_reference_candidate_scores_0_and_the_ideal_one_100()
    {
        var scorer = CommittedRanker.Scorer;
        Assert.Equal(0, scorer.RawScores([new MatchFeatures(new float[MatchFeatures.Count])])[0], 9);
        Assert.Equal(100, scorer.RawScores([new MatchFeatures([.. Enumerable.Repeat(1f, MatchFeatures.Count)])])[0], 9);
        Assert.All(scorer.Shapes, s => Assert.True(s.IsStrictlyIncreasingFromZero));
    }
}
