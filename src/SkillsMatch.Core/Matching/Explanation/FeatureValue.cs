namespace SkillsMatch.Matching.Explanation;

public sealed record FeatureValue(string Feature, double Value, double Typical);
