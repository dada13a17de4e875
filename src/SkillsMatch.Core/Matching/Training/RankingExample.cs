namespace SkillsMatch.Matching;

/// <summary>One (synthetic learner, role) pair: its group (one role, many candidates), graded label and features.</summary>
public sealed record RankingExample(string Group, int Label, MatchFeatures Features, long RoleOccupationId, long SourceOccupationId);

/// <summary>Training and held-out test examples; no held-out occupation is a role or a learner's source in training.</summary>
public sealed record RankingDataset(IReadOnlyList<RankingExample> Train, IReadOnlyList<RankingExample> Test, IReadOnlySet<long> HeldOutOccupationIds);
