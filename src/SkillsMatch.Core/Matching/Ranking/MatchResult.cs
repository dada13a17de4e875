using SkillsMatch.Matching.Explanation;
using SkillsMatch.Matching.Features;

namespace SkillsMatch.Matching.Ranking;

/// <summary>
/// A scored (learner, role) pair: <see cref="Score"/> 0–100 for display, the model's <see cref="RawScore"/>
/// for ordering, the per-requirement analysis and, when explained, the main features' contributions.
/// </summary>
public sealed record MatchResult(double Score, double RawScore, MatchAnalysis Analysis, IReadOnlyList<FeatureContribution> Contributions);
