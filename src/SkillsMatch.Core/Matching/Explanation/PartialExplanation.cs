namespace SkillsMatch.Matching.Explanation;

public sealed record PartialExplanation(long SkillId, string Label, string Relation, double Similarity);
