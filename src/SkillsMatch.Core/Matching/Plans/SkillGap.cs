namespace SkillsMatch.Matching.Plans;

/// <summary>A skill the learner lacks for the target role; <paramref name="Importance"/> is ≥ 0 (e.g. 0–1).</summary>
public sealed record SkillGap(long SkillId, string Label, double Importance, bool Essential);
