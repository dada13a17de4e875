namespace SkillsMatch.Matching.Plans;

/// <summary>What a learner lacks for a target, and the plans that close it.</summary>
/// <param name="Gaps">Essential first, then by how many open postings ask for the skill.</param>
/// <param name="Scope">Which offerings the plans could use (languages, formats, reach) and why.</param>
public sealed record GapView(string? Target, IReadOnlyList<GapItem> Gaps, GapPlans? Plans, bool TargetFound, PlanScope? Scope = null);
