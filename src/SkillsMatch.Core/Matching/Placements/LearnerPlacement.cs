namespace SkillsMatch.Matching.Placements;

/// <param name="Options">Eligible openings, best fit first.</param>
/// <param name="AssignedJobId">The suggested placement; null when none is eligible or every eligible one is taken by better-fitting learners.</param>
public sealed record LearnerPlacement(Guid LearnerId, IReadOnlyList<PlacementOption> Options, Guid? AssignedJobId, double? AssignedFit);
