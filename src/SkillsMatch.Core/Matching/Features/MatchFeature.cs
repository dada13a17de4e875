namespace SkillsMatch.Matching.Features;

/// <summary>
/// The ranker's features, in the fixed order of <see cref="MatchFeatures.Values"/> (the model depends on it:
/// append, never reorder). "Required" means essential requirements, "preferred" optional ones; weights are
/// importance. None describes the learner as a person: no name, gender, age or other protected attribute.
/// </summary>
public enum MatchFeature
{
    /// <summary>Share of essential requirements held exactly, weighted by importance (0–1).</summary>
    RequiredCoverage,
    /// <summary>Share of optional requirements held exactly, weighted by importance (0–1).</summary>
    PreferredCoverage,
    /// <summary>Coverage of all requirements counting a related skill as its similarity (optional ones weigh half).</summary>
    PartialCreditCoverage,
    /// <summary>Required coverage with each held skill counted as tier/4: credential-verified counts fully.</summary>
    TierWeightedRequiredCoverage,
    /// <summary>Mean evidence tier (1–4) of the held requirements; 0 when none is held.</summary>
    MeanMatchedTier,
    /// <summary>Share of held requirements that are credential-verified (tier 4).</summary>
    VerifiedShare,
    /// <summary>Share of held requirements backed by an accredited or framework-aligned credential.</summary>
    QaAssuredShare,
    /// <summary>Mean shortfall, in proficiency levels, below the required level or years (0 when none is stated; an unstated held level counts as intermediate).</summary>
    LevelGap,
    /// <summary>Mean of exp(−age/4 years) of the held requirements' latest evidence.</summary>
    Recency,
    /// <summary>Cosine of the learner's and the role's embeddings.</summary>
    EmbeddingCosine,
    /// <summary>How many essential requirements have neither the skill nor a related one.</summary>
    MissingRequiredCount,
}
