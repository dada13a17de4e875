namespace SkillsMatch.Matching.Plans;

/// <summary>A skill an offering teaches, with the catalog's confidence (0–1) that it does.</summary>
public sealed record TaughtSkill(long SkillId, double Confidence, string? Label = null);
