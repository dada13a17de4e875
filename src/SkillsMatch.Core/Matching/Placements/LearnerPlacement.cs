namespace SkillsMatch.Matching.Placements;

/// <param name="Options">Eligible openings, best fit first.</param>
/// <param name="AssignedJobId">The suggested placement; null when none is eligible or every eligible one is taken by better-fitting learners.</param>
/// <param name="Name">The learner's display name (set by <see cref="PlacementsForCohort"/>; the caller may see every learner it placed).</param>
/// <param name="AssignedTitle">The assigned posting's title.</param>
/// <param name="Unassigned">Why the learner stayed unassigned; null when assigned.</param>
public sealed record LearnerPlacement(
    Guid LearnerId,
    IReadOnlyList<PlacementOption> Options,
    Guid? AssignedJobId,
    double? AssignedFit,
    string? Name = null,
    string? AssignedTitle = null,
    UnassignedReason? Unassigned = null);
