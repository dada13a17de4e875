namespace SkillsMatch.Matching.Placements;

/// <summary>Ranked options per learner and the suggested assignment with the most total fit.</summary>
/// <param name="ProvenOptimal">The assignment maximises total fit (fits compared to 1e-4).</param>
public sealed record PlacementResult(
    IReadOnlyList<LearnerPlacement> Learners,
    double TotalFit,
    int AssignedCount,
    string Method,
    bool ProvenOptimal);
