using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Ranking;

namespace SkillsMatch.Matching.Explanation;

/// <summary>
/// What each <see cref="FeatureGroups"/> group contributed to a score, by ablation: the score minus the score with
/// that group set to <see cref="MatchScorer.Typical"/>'s values. (ML.NET's FeatureContributionCalculation needs the
/// concrete trained model type and splits credit per split feature; ablation works on any loaded model and reads in
/// display points.)
/// </summary>
public static class FeatureAblation
{
    /// <summary>Results with contributions for analyses already scored (<paramref name="scored"/>: analysis and its raw score).</summary>
    public static IReadOnlyList<MatchResult> Explain(MatchScorer scorer, IReadOnlyList<(MatchAnalysis Analysis, double Raw)> scored)
    {
        var typical = scorer.Typical;
        var ablations = new List<MatchFeatures>(scored.Count * FeatureGroups.All.Count);
        foreach (var (analysis, _) in scored)
            foreach (var (_, features) in FeatureGroups.All)
            {
                var ablated = new MatchFeatures((float[])analysis.Features.Values.Clone());
                foreach (var feature in features) ablated[feature] = typical[feature];
                ablations.Add(ablated);
            }
        var ablatedRaw = scorer.RawScores(ablations);
        var calibration = scorer.Calibration;
        return scored.Select((s, i) =>
        {
            var display = calibration.ToDisplay(s.Raw);
            var contributions = FeatureGroups.All.Select((group, g) => new FeatureContribution(group.Name,
                    display - calibration.ToDisplay(ablatedRaw[(i * FeatureGroups.All.Count) + g]),
                    group.Features.Select(f => new FeatureValue(f.ToString(), s.Analysis.Features[f], typical[f])).ToArray()))
                .OrderByDescending(c => Math.Abs(c.Points)).ToArray();
            return new MatchResult(display, s.Raw, s.Analysis, contributions);
        }).ToArray();
    }

    /// <summary>Each result with its contributions.</summary>
    public static IReadOnlyList<MatchResult> Explain(MatchScorer scorer, IReadOnlyList<MatchResult> results) =>
        Explain(scorer, [.. results.Select(r => (r.Analysis, r.RawScore))]);
}
