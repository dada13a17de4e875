using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Ranking;
using SkillsMatch.Matching.Retrieval;

namespace SkillsMatch.Matching.Evaluation;

/// <summary>What each method gives one judged pair: the ranker's 0–100 score and the two baselines' single features.</summary>
public sealed record PairScores(double Ranker, double Coverage, double Similarity);

/// <summary>
/// Scores stored learner–posting pairs the way the matching views do (the same inputs, skill graph, feature builder and
/// ranker), with no retrieval in front: a judged pair is scored whether or not retrieval would have brought it.
/// Coverage-only is the share of the posting's essential skills held (the ranker's backbone); similarity-only is the
/// cosine between the profile and posting embeddings.
/// </summary>
public sealed class JudgedPairScorer(MatchInputsStore inputs, SkillGraphCache graphs, MatchScorer scorer, TimeProvider time)
{
    /// <summary>Scores in the order of <paramref name="pairs"/>; a learner or posting id that is not stored is an error.</summary>
    public async Task<IReadOnlyList<PairScores>> ScoreAsync(IReadOnlyList<(Guid LearnerId, Guid PostingId)> pairs, CancellationToken ct)
    {
        var learners = await inputs.LearnersAsync(pairs.Select(p => p.LearnerId).Distinct().ToList(), ct);
        var postings = await inputs.PostingsAsync(pairs.Select(p => p.PostingId).Distinct().ToList(), ct);
        var graph = await graphs.GetAsync(ct);
        var now = time.GetUtcNow();
        var features = pairs.Select(p =>
        {
            if (!learners.TryGetValue(p.LearnerId, out var learner)) throw new InvalidOperationException($"learner {p.LearnerId} is not stored");
            if (!postings.TryGetValue(p.PostingId, out var posting)) throw new InvalidOperationException($"posting {p.PostingId} is not stored");
            return MatchFeatureBuilder.Analyze(posting.Role, learner, graph, now).Features;
        }).ToArray();
        var ranker = scorer.RawScores(features);
        return features.Select((f, i) => new PairScores(ranker[i], f[MatchFeature.RequiredCoverage], f[MatchFeature.EmbeddingCosine])).ToList();
    }
}
