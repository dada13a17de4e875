using SkillsMatch.Matching.Explanation;
using SkillsMatch.Matching.Retrieval;

namespace SkillsMatch.Matching;

/// <summary>A consenting learner ranked for a role, with the score (0–100) explained.</summary>
/// <param name="DisplayName">Only when the learner shares contact details with employers.</param>
/// <param name="VisibleParts">What the learner chose to show employers.</param>
/// <param name="Experience">Work experience (title, organisation, span) when the learner shares the experience part; else null.</param>
/// <param name="Education">Education (title, institution, span) when the learner shares the education part; else null.</param>
public sealed record CandidateMatch(
    Guid LearnerId, string? DisplayName, string? Email, string? Region, string? City, double Score, MatchExplanation Explanation, IReadOnlyList<string> VisibleParts,
    IReadOnlyList<SharedHistoryEntry>? Experience = null, IReadOnlyList<SharedHistoryEntry>? Education = null);
