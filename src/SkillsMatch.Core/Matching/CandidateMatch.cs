using SkillsMatch.Matching.Explanation;

namespace SkillsMatch.Matching;

/// <summary>A consenting learner ranked for a role, with the score (0–100) explained.</summary>
/// <param name="DisplayName">Only when the learner shares contact details with employers.</param>
/// <param name="VisibleParts">What the learner chose to show employers.</param>
public sealed record CandidateMatch(
    Guid LearnerId, string? DisplayName, string? Email, string? Region, string? City, double Score, MatchExplanation Explanation, IReadOnlyList<string> VisibleParts);
