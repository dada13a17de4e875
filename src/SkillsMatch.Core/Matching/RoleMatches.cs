using SkillsMatch.Matching.Retrieval;

namespace SkillsMatch.Matching;

/// <summary>A learner's role matches and the filter they were found under.</summary>
public sealed record RoleMatches(AppliedRoleFilter Filter, IReadOnlyList<RoleMatch> Matches);
