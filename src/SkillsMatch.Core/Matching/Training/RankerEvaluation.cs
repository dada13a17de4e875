using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Ranking;

namespace SkillsMatch.Matching.Training;

/// <summary>NDCG@5 and @10 on held-out groups for the learned ranker and the two baselines it must beat.</summary>
public sealed record RankerEvaluation(int Groups, int Examples, NdcgPair Learned, NdcgPair EmbeddingCosine, NdcgPair RequiredCoverage)
{
    public static RankerEvaluation Of(MatchScorer scorer, IReadOnlyList<RankingExample> test)
    {
        var learned = scorer.RawScores(test.Select(e => e.Features).ToArray());
        double[] Feature(MatchFeature f) => test.Select(e => (double)e.Features[f]).ToArray();
        NdcgPair At(IReadOnlyList<double> scores) => new(RankingMetrics.Ndcg(test, scores, 5), RankingMetrics.Ndcg(test, scores, 10));
        return new RankerEvaluation(test.Select(e => e.Group).Distinct().Count(), test.Count,
            At(learned), At(Feature(MatchFeature.EmbeddingCosine)), At(Feature(MatchFeature.RequiredCoverage)));
    }

    public bool BeatsBaselines =>
        Learned.At5 > EmbeddingCosine.At5 && Learned.At5 > RequiredCoverage.At5 &&
        Learned.At10 > EmbeddingCosine.At10 && Learned.At10 > RequiredCoverage.At10;
}
