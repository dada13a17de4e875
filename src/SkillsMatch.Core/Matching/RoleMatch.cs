using SkillsMatch.Matching.Explanation;

namespace SkillsMatch.Matching;

/// <summary>An open posting ranked for a learner, with its score (0–100) explained.</summary>
public sealed record RoleMatch(Guid JobId, string Title, string? Employer, string? Region, string? City, string Remote, double Score, MatchExplanation Explanation);
