namespace SkillsMatch.Matching.Features;

/// <summary>
/// Features explained together. They are ablated as groups because they move together (coverage, tier-weighted
/// coverage and missing count describe one thing); changing one alone would ask the model about a candidate
/// that cannot exist.
/// </summary>
public static class FeatureGroups
{
    public static readonly IReadOnlyList<(string Name, MatchFeature[] Features)> All =
    [
        ("EssentialSkills", [MatchFeature.RequiredCoverage, MatchFeature.TierWeightedRequiredCoverage, MatchFeature.PartialCreditCoverage, MatchFeature.MissingRequiredCount]),
        ("OptionalSkills", [MatchFeature.PreferredCoverage]),
        ("EvidenceStrength", [MatchFeature.MeanMatchedTier, MatchFeature.VerifiedShare, MatchFeature.QaAssuredShare]),
        ("Recency", [MatchFeature.Recency]),
        ("LevelGap", [MatchFeature.LevelGap]),
        ("ProfileSimilarity", [MatchFeature.EmbeddingCosine]),
    ];
}
