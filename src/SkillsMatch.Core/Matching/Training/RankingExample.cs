using SkillsMatch.Matching.Features;

namespace SkillsMatch.Matching.Training;

/// <summary>One (synthetic learner, role) pair: its group (one role, many candidates), graded label and features.</summary>
public sealed record RankingExample(string Group, int Label, MatchFeatures Features, long RoleOccupationId, long SourceOccupationId);
