namespace SkillsMatch.Matching.Features;

/// <summary>
/// The ranker's features, in the fixed order of <see cref="MatchFeatures.Values"/> (the model depends on it).
/// Every feature lies in [0, 1], is 0 for a candidate with none of the role's skills and an unrelated profile, and
/// never decreases when the learner gains a skill or better evidence for one: that, with an additive model whose
/// shape functions never decrease, is what makes the score's guarantees hold by construction (models/README.md).
/// "Core" requirements are the essential ones, or every listed one when a role marks none essential; weights are
/// importance. None describes the learner as a person: no name, gender, age or other protected attribute.
/// </summary>
public enum MatchFeature
{
    /// <summary>Share of core requirements held exactly, weighted by importance.</summary>
    RequiredCoverage,
    /// <summary>Share of optional requirements held exactly, weighted by importance (1 when the role lists none).</summary>
    PreferredCoverage,
    /// <summary>Coverage of all requirements counting a related skill as its similarity (optional ones weigh half).</summary>
    PartialCreditCoverage,
    /// <summary>Core coverage with each held skill counted as tier/4: self-declared ¼, inferred ½, attested ¾, credential-verified 1.</summary>
    TierWeightedRequiredCoverage,
    /// <summary>Share of core requirements held credential-verified (tier 4).</summary>
    VerifiedRequiredCoverage,
    /// <summary>Share of core requirements held with an accredited or framework-aligned credential.</summary>
    QaAssuredRequiredCoverage,
    /// <summary>Core coverage with each held skill counted as 1 − (levels short of the stated level or years) / 3.</summary>
    LevelMetRequiredCoverage,
    /// <summary>Core coverage with each held skill counted as exp(−age of its latest evidence / 4 years).</summary>
    RecentRequiredCoverage,
    /// <summary>Cosine of the learner's and the role's embeddings, clamped to [0, 1].</summary>
    EmbeddingCosine,
}
