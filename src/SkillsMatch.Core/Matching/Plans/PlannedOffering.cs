namespace SkillsMatch.Matching.Plans;

/// <summary>An offering chosen for a plan, with the gaps it closes there.</summary>
public sealed record PlannedOffering(PlanOffering Offering, IReadOnlyList<SkillGap> Closes);
