namespace SkillsMatch.Matching.Training;

/// <summary>Training and held-out test examples; no held-out occupation is a role or a learner's source in training.</summary>
public sealed record RankingDataset(IReadOnlyList<RankingExample> Train, IReadOnlyList<RankingExample> Test, IReadOnlySet<long> HeldOutOccupationIds);
