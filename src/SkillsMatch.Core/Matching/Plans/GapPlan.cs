namespace SkillsMatch.Matching.Plans;

/// <summary>One plan: the offerings to take, what they close and leave open, their hours and cost, and how it was found.</summary>
public sealed record GapPlan(
    PlanGoal Goal,
    IReadOnlyList<PlannedOffering> Offerings,
    IReadOnlyList<SkillGap> Closed,
    /// <summary>Every gap this plan does not close: those no admissible offering teaches, and (under a budget, or greedy) others.</summary>
    IReadOnlyList<SkillGap> LeftOpen,
    int TotalGaps,
    double TotalHours,
    decimal TotalCostCad,
    PlanMethod Method,
    bool ProvenOptimal)
{
    public string Summary =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"closes {Closed.Count} of {TotalGaps} gaps, leaves {LeftOpen.Count} open, {TotalHours:0.#} hours, cost {TotalCostCad:0.00} CAD");
}
