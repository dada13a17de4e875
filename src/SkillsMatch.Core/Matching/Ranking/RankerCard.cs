namespace SkillsMatch.Matching.Ranking;

/// <summary>
/// What a ranker was trained on and how it did, stored inside the model so the card's numbers come from the model
/// itself: weak-label groups, real outcomes (how many, from how many postings) and held-out NDCG on each.
/// </summary>
public sealed record RankerCard(
    string Trainer,
    int Seed,
    int WeakTrainGroups,
    int WeakTestGroups,
    NdcgFigures? WeakLabels,
    int Outcomes = 0,
    int OutcomePostings = 0,
    NdcgFigures? OutcomeLabels = null);

/// <summary>Held-out NDCG@5/@10 of the ranker and both baselines on one kind of label.</summary>
public sealed record NdcgFigures(double RankerAt5, double RankerAt10, double SimilarityAt5, double SimilarityAt10, double CoverageAt5, double CoverageAt10);
