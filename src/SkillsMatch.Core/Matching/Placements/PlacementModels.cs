namespace SkillsMatch.Matching.Placements;

/// <summary>A job opening with room for <paramref name="Capacity"/> learners (≥ 1).</summary>
public sealed record Opening(Guid JobId, int Capacity);

/// <param name="MinFit">Pairs below this fit (0–100) are not offered nor assigned.</param>
/// <param name="OptionsPerLearner">How many ranked options to list per learner (null: every eligible one).</param>
public sealed record PlacementOptions(double MinFit = 0, int? OptionsPerLearner = null);

public sealed record PlacementOption(Guid JobId, double Fit);

/// <param name="Options">Eligible openings, best fit first.</param>
/// <param name="AssignedJobId">The suggested placement; null when none is eligible or every eligible one is taken by better-fitting learners.</param>
public sealed record LearnerPlacement(Guid LearnerId, IReadOnlyList<PlacementOption> Options, Guid? AssignedJobId, double? AssignedFit);

/// <param name="ProvenOptimal">The assignment maximises total fit (fits compared to 1e-4).</param>
public sealed record PlacementResult(
    IReadOnlyList<LearnerPlacement> Learners,
    double TotalFit,
    int AssignedCount,
    string Method,
    bool ProvenOptimal);
