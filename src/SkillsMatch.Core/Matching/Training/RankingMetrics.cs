namespace SkillsMatch.Matching.Training;

/// <summary>NDCG@k with gain 2^label − 1 and discount log2(rank + 1), as ML.NET's ranking evaluator computes it.</summary>
public static class RankingMetrics
{
    /// <summary>Mean NDCG@k over groups; within a group, ties keep the examples' order (shuffled when built).</summary>
    public static double Ndcg(IReadOnlyList<RankingExample> examples, IReadOnlyList<double> scores, int k)
    {
        double sum = 0;
        var groups = 0;
        foreach (var group in examples.Select((e, i) => (e, i)).GroupBy(x => x.e.Group))
        {
            var ranked = group.OrderByDescending(x => scores[x.i]).Select(x => x.e.Label).ToList();
            var ideal = ranked.OrderDescending().ToList();
            var idealDcg = Dcg(ideal, k);
            if (idealDcg <= 0) continue;
            sum += Dcg(ranked, k) / idealDcg;
            groups++;
        }
        return groups == 0 ? 0 : sum / groups;
    }

    private static double Dcg(List<int> labels, int k)
    {
        double dcg = 0;
        for (var i = 0; i < Math.Min(k, labels.Count); i++) dcg += (Math.Pow(2, labels[i]) - 1) / Math.Log2(i + 2);
        return dcg;
    }
}
