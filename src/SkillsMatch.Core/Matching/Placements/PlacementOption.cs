namespace SkillsMatch.Matching.Placements;

/// <summary>An opening a learner is eligible for, with the fit (0–100) and the posting's title.</summary>
public sealed record PlacementOption(Guid JobId, double Fit, string? Title = null);
