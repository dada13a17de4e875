namespace SkillsMatch.Matching.Placements;

/// <param name="MinFit">Pairs below this fit (0–100) are not offered nor assigned.</param>
/// <param name="OptionsPerLearner">How many ranked options to list per learner (null: every eligible one).</param>
public sealed record PlacementOptions(double MinFit = 0, int? OptionsPerLearner = null);
