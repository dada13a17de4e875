using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Ranking;

namespace SkillsMatch.Matching.Explanation;

/// <summary>
/// What each <see cref="FeatureGroups"/> group contributed to a score, in points relative to the reference candidate
/// (a candidate with none of the role's skills, nothing related and an unrelated profile, who scores 0). The ranker
/// is additive, so these are exact, never negative, and add up to the score.
/// </summary>
public static class ScoreContributions
{
    /// <summary>What the contributions are measured from.</summary>
    public const string Reference = "a candidate with none of the required skills";

    /// <summary>Results with contributions for analyses already scored (<paramref name="scored"/>: analysis and its score).</summary>
    public static IReadOnlyList<MatchResult> Explain(MatchScorer scorer, IReadOnlyList<(MatchAnalysis Analysis, double Score)> scored) =>
        scored.Select(s =>
        {
            var points = scorer.Points(s.Analysis.Features);
            var contributions = FeatureGroups.All.Select(group => new FeatureContribution(group.Name,
                    group.Features.Sum(f => points[(int)f]),
                    group.Features.Select(f => new FeatureValue(f.ToString(), s.Analysis.Features[f], 0, points[(int)f])).ToArray()))
                .OrderByDescending(c => c.Points).ToArray();
            return new MatchResult(s.Score, s.Score, s.Analysis, contributions);
        }).ToArray();

    /// <summary>Each result with its contributions.</summary>
    public static IReadOnlyList<MatchResult> Explain(MatchScorer scorer, IReadOnlyList<MatchResult> results) =>
        Explain(scorer, [.. results.Select(r => (r.Analysis, r.Score))]);
}
