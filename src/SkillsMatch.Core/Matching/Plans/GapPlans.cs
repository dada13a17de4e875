namespace SkillsMatch.Matching.Plans;

/// <param name="Uncoverable">Gaps no admissible offering teaches (at the minimum confidence, after filters).</param>
public sealed record GapPlans(GapPlan Fastest, GapPlan Cheapest, IReadOnlyList<SkillGap> Uncoverable, int CandidateOfferings);
