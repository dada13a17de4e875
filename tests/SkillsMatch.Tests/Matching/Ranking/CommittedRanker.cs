using SkillsMatch.Matching.Ranking;

namespace SkillsMatch.Tests.Matching.Ranking;

/// <summary>models/ranker.zip as committed, loaded once.</summary>
public static class CommittedRanker
{
    private static readonly Lazy<MatchScorer> Instance = new(() =>
        MatchScorer.Load(MatchScorer.DefaultModelPath ?? throw new FileNotFoundException("models/ranker.zip is not in the repository")));

    public static MatchScorer Scorer => Instance.Value;
}
