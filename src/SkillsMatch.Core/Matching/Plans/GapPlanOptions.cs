namespace SkillsMatch.Matching.Plans;

/// <summary>
/// Which offerings may enter a plan and how large a plan may be. Null set filters accept everything.
/// <see cref="MaxTotalCost"/> and <see cref="MaxTotalHours"/> bound the whole plan (so they also drop any
/// single offering over them); under a budget a plan closes as much as it can afford.
/// </summary>
public sealed record GapPlanOptions
{
    public double MinConfidence { get; init; } = 0.5;
    public IReadOnlySet<string>? Formats { get; init; }
    public IReadOnlySet<string>? Languages { get; init; }
    public IReadOnlySet<string>? Regions { get; init; }
    public IReadOnlySet<string>? QaStatuses { get; init; }
    public decimal? MaxTotalCost { get; init; }
    public double? MaxTotalHours { get; init; }
    /// <summary>Up to this many offerings (after pruning) are planned exactly with CP-SAT; above it, greedily.</summary>
    public int ExactOfferingLimit { get; init; } = 25;
    public TimeSpan ExactTimeLimit { get; init; } = TimeSpan.FromSeconds(5);
}
