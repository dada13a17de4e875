namespace SkillsMatch.Matching.Explanation;

/// <summary>
/// How many points of the 0–100 score one group of features gave, relative to
/// <see cref="ScoreContributions.Reference"/>: the groups' points add up to the score.
/// </summary>
public sealed record FeatureContribution(string Name, double Points, IReadOnlyList<FeatureValue> Features);
