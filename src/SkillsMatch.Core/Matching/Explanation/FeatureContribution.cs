namespace SkillsMatch.Matching.Explanation;

/// <summary>
/// How much one group of features moved a displayed score: the score minus the score with that group's features
/// set to a typical candidate's (<see cref="FeatureValue.Typical"/>), in points of the 0–100 scale.
/// </summary>
public sealed record FeatureContribution(string Name, double Points, IReadOnlyList<FeatureValue> Features);
