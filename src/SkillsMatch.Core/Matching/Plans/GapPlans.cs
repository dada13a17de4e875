namespace SkillsMatch.Matching.Plans;

/// <param name="Uncoverable">Gaps no admissible offering teaches (at the minimum confidence, after filters).</param>
/// <param name="Why">When the plans close nothing: why (no offering teaches these skills, or none in your language, format or region).</param>
/// <param name="Nearest">When the plans close nothing: the offerings that come closest, each with why it is not in the plan.</param>
public sealed record GapPlans(
    GapPlan Fastest, GapPlan Cheapest, IReadOnlyList<SkillGap> Uncoverable, int CandidateOfferings,
    string? Why = null, IReadOnlyList<NearOffering>? Nearest = null);
