namespace SkillsMatch.Matching.Placements;

/// <summary>An opening a learner is eligible for, with the fit (0–100).</summary>
public sealed record PlacementOption(Guid JobId, double Fit);
