using System.Numerics.Tensors;
using SkillsMatch.Extraction;
using SkillsMatch.Learners;

namespace SkillsMatch.Matching.Features;

/// <summary>
/// Builds a (learner, role) pair's requirement outcomes and features. The one feature builder shared by
/// training (<see cref="WeakSupervision"/>) and serving (<see cref="MatchScorer"/>), so the two cannot drift.
/// </summary>
public static class MatchFeatureBuilder
{
    /// <summary>Optional requirements weigh this much of an essential one in partial-credit coverage.</summary>
    public const double OptionalWeight = 0.5;

    private const double RecencyYears = 4;
    private const double YearsPerLevel = 3;

    /// <summary>The level a held skill is taken to be at when its evidence states none.</summary>
    internal const Proficiency AssumedLevel = Proficiency.Intermediate;

    public static MatchAnalysis Analyze(RoleProfile role, LearnerSkills learner, SkillGraph graph, DateTimeOffset asOf)
    {
        var outcomes = new RequirementOutcome[role.Requirements.Count];
        for (var i = 0; i < outcomes.Length; i++) outcomes[i] = Outcome(role.Requirements[i], learner, graph);
        return new MatchAnalysis(outcomes, Features(outcomes, role, learner, asOf));
    }

    private static RequirementOutcome Outcome(RoleRequirement requirement, LearnerSkills learner, SkillGraph graph)
    {
        if (learner.TryGet(requirement.SkillId, out var held))
            return new RequirementOutcome(requirement, RequirementStatus.Matched, held, null, null);
        if (graph.BestPartial(requirement.SkillId, learner) is { } partial)
        {
            learner.TryGet(partial.HeldSkillId, out var through);
            return new RequirementOutcome(requirement, RequirementStatus.Partial, null, partial, through);
        }
        return new RequirementOutcome(requirement, RequirementStatus.Missing, null, null, null);
    }

    private static MatchFeatures Features(RequirementOutcome[] outcomes, RoleProfile role, LearnerSkills learner, DateTimeOffset asOf)
    {
        // A role that marks nothing essential (a posting listing skills without cues) needs what it lists.
        var anyEssential = outcomes.Any(o => o.Requirement.Kind == RequirementKind.Essential);
        double coreWeight = 0, coreHeld = 0, tierHeld = 0, verifiedHeld = 0, assuredHeld = 0, levelHeld = 0, recentHeld = 0;
        double optionalWeight = 0, optionalHeld = 0, creditWeight = 0, credit = 0;
        foreach (var outcome in outcomes)
        {
            var requirement = outcome.Requirement;
            var weight = Math.Max(requirement.Importance, 0.01);
            var essential = requirement.Kind == RequirementKind.Essential;
            var held = outcome.Held;
            if (!essential)
            {
                optionalWeight += weight;
                if (held is not null) optionalHeld += weight;
            }
            var creditWeightHere = essential ? weight : weight * OptionalWeight;
            creditWeight += creditWeightHere;
            credit += creditWeightHere * outcome.Credit;

            if (!essential && anyEssential) continue;
            coreWeight += weight;
            if (held is null) continue;
            coreHeld += weight;
            tierHeld += weight * (short)held.Tier / 4.0;
            if (held.Tier == EvidenceTier.CredentialVerified) verifiedHeld += weight;
            if (held.CredentialQa != CredentialQaStatus.None) assuredHeld += weight;
            levelHeld += weight * (1 - Math.Min(1, (LevelShortfall(requirement, held) ?? 0) / 3));
            recentHeld += weight * Math.Exp(-Math.Max(0, (asOf - held.LastEvidenced).TotalDays / 365.25) / RecencyYears);
        }

        var features = new MatchFeatures(new float[MatchFeatures.Count]);
        features[MatchFeature.RequiredCoverage] = Share(coreHeld, coreWeight);
        features[MatchFeature.PreferredCoverage] = Share(optionalHeld, optionalWeight);
        features[MatchFeature.PartialCreditCoverage] = Share(credit, creditWeight);
        features[MatchFeature.TierWeightedRequiredCoverage] = Share(tierHeld, coreWeight);
        features[MatchFeature.VerifiedRequiredCoverage] = Share(verifiedHeld, coreWeight);
        features[MatchFeature.QaAssuredRequiredCoverage] = Share(assuredHeld, coreWeight);
        features[MatchFeature.LevelMetRequiredCoverage] = Share(levelHeld, coreWeight);
        features[MatchFeature.RecentRequiredCoverage] = Share(recentHeld, coreWeight);
        features[MatchFeature.EmbeddingCosine] = role.Embedding is { } r && learner.Embedding is { } l && r.Length == l.Length
            ? Math.Clamp(TensorPrimitives.CosineSimilarity(r, l), 0, 1) : 0;
        return features;
    }

    // A role with no requirement of a kind asks nothing of it: fully covered.
    private static float Share(double part, double whole) => whole <= 0 ? 1 : (float)Math.Clamp(part / whole, 0, 1);

    /// <summary>Levels short of the requirement (years count one level per three); null when the requirement states none.</summary>
    private static double? LevelShortfall(RoleRequirement requirement, LearnerSkill held)
    {
        if (requirement.Level is null && requirement.Years is null) return null;
        double gap = 0;
        if (requirement.Level is { } needed)
            gap = Math.Max(0, (int)needed - (int)(held.Level ?? AssumedLevel));
        if (requirement.Years is { } years)
            gap = Math.Max(gap, Math.Max(0, years - (held.Years ?? 0)) / YearsPerLevel);
        return gap;
    }
}
