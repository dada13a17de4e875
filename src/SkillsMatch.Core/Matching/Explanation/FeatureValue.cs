namespace SkillsMatch.Matching.Explanation;

/// <summary>One feature of a contribution: the candidate's value, the reference candidate's value, and the points it gives.</summary>
public sealed record FeatureValue(string Feature, double Value, double Reference, double Points);
