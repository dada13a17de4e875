using SkillsMatch.Matching.Explanation;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Ranking;
using SkillsMatch.Telemetry;

namespace SkillsMatch.Matching;

/// <summary>
/// The stages after retrieval, shared by the views that list matches: features for every retrieved pair, the learned
/// ranker's order, and explanations for the top only (the per-requirement explanation reads labels).
/// </summary>
public sealed class TopMatches(SkillGraphCache graphs, MatchScorer scorer, MatchExplainer explainer, TimeProvider time)
{
    /// <summary>The most results a view lists at once.</summary>
    public const int MaxLimit = 100;

    public async Task<IReadOnlyList<(TKey Key, MatchResult Result, MatchExplanation Explanation)>> RankAsync<TKey>(
        IReadOnlyList<(RoleProfile Role, LearnerSkills Learner, TKey Key)> pairs, int limit, bool showEvidence, CancellationToken ct, string view = "matches")
    {
        if (pairs.Count == 0) return [];
        var graph = await graphs.GetAsync(ct);
        var now = time.GetUtcNow();
        MatchAnalysis[] analyses;
        using (SkillsMatchTelemetry.Stage("features", view))
            analyses = pairs.Select(p => MatchFeatureBuilder.Analyze(p.Role, p.Learner, graph, now)).ToArray();
        double[] raw;
        int[] top;
        using (SkillsMatchTelemetry.Stage("ranking", view))
        {
            raw = scorer.RawScores([.. analyses.Select(a => a.Features)]);
            top = Enumerable.Range(0, pairs.Count).OrderByDescending(i => raw[i]).Take(limit).ToArray();
        }
        using var explaining = SkillsMatchTelemetry.Stage("explanation", view);
        var results = ScoreContributions.Explain(scorer, [.. top.Select(i => (analyses[i], raw[i]))]);
        var explanations = await explainer.ExplainAsync(results, showEvidence, ct);
        return top.Select((i, rank) => (pairs[i].Key, results[rank], explanations[rank])).ToList();
    }
}
