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

    public NdcgFigures Figures => new(Learned.At5, Learned.At10, EmbeddingCosine.At5, EmbeddingCosine.At10, RequiredCoverage.At5, RequiredCoverage.At10);

    /// <summary>
    /// The gate for a new model: it must beat essential coverage alone, the score's backbone. Embedding cosine alone is
    /// reported, not required: the weak labels are occupation relatedness, which synthetic skill-mean embeddings encode
    /// almost directly, and the score deliberately bounds what similarity may give (models/README.md).
    /// </summary>
    public bool BeatsCoverage => Learned.At5 > RequiredCoverage.At5 && Learned.At10 > RequiredCoverage.At10;

    /// <summary>Whether this evaluation is at least as good as <paramref name="other"/>'s on the same test set.</summary>
    public bool NotWorseThan(RankerEvaluation other) => Learned.At5 >= other.Learned.At5 - 1e-9 && Learned.At10 >= other.Learned.At10 - 1e-9;
}
