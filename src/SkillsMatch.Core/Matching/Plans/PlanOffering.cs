namespace SkillsMatch.Matching.Plans;

/// <summary>One catalog offering as the planner sees it. <paramref name="Region"/> null means available everywhere.</summary>
public sealed record PlanOffering(
    string Id,
    string Title,
    string Provider,
    double Hours,
    decimal CostCad,
    IReadOnlyList<TaughtSkill> Teaches,
    string Format,
    string Language,
    string? Region,
    string QaStatus);
