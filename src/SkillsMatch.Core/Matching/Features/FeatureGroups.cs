namespace SkillsMatch.Matching.Features;

/// <summary>
/// Features explained together: a group's contribution is the sum of its features' points (the model is additive,
/// so the groups' points add up to the score).
/// </summary>
public static class FeatureGroups
{
    public static readonly IReadOnlyList<(string Name, MatchFeature[] Features)> All =
    [
        ("EssentialSkills", [MatchFeature.RequiredCoverage, MatchFeature.TierWeightedRequiredCoverage, MatchFeature.PartialCreditCoverage]),
        ("OptionalSkills", [MatchFeature.PreferredCoverage]),
        ("EvidenceStrength", [MatchFeature.VerifiedRequiredCoverage, MatchFeature.QaAssuredRequiredCoverage]),
        ("Recency", [MatchFeature.RecentRequiredCoverage]),
        ("LevelMet", [MatchFeature.LevelMetRequiredCoverage]),
        ("ProfileSimilarity", [MatchFeature.EmbeddingCosine]),
    ];
}
