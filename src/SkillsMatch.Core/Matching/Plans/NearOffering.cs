namespace SkillsMatch.Matching.Plans;

/// <summary>An offering that comes close to closing a learner's gaps but is not in the plan, and why.</summary>
/// <param name="Teaches">The gaps it teaches, or the related skills it teaches instead.</param>
public sealed record NearOffering(string Id, string Title, string Provider, string Format, string Language, string? Region, double Hours, decimal CostCad,
    IReadOnlyList<string> Teaches, string WhyNotInPlan);
