namespace SkillsMatch.Matching.Features;

/// <summary>A (learner, role) pair worked out once: every requirement's outcome and the features built from them.</summary>
public sealed record MatchAnalysis(IReadOnlyList<RequirementOutcome> Requirements, MatchFeatures Features);
