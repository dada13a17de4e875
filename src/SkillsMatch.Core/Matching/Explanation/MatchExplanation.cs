namespace SkillsMatch.Matching.Explanation;

/// <summary>Why a score is what it is: every requirement of the role with its outcome, and the main features' contributions.</summary>
public sealed record MatchExplanation(string Summary, IReadOnlyList<RequirementExplanation> Requirements, IReadOnlyList<FeatureContribution> Contributions);
