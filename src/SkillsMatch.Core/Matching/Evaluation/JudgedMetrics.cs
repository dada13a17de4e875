namespace SkillsMatch.Matching.Evaluation;

/// <summary>
/// Ranking figures for one posting's judged candidates: NDCG@k and Spearman's ρ of scores against grades. Tied scores
/// are averaged over every order of the tie (McSherry and Najork's tie-aware NDCG; average ranks for ρ), so a method
/// that cannot tell candidates apart gains nothing from the order the file lists them in.
/// </summary>
public static class JudgedMetrics
{
    /// <summary>NDCG@k with gain 2^grade − 1 and discount log2(rank + 1); null when every grade is 0 (nothing to find).</summary>
    public static double? Ndcg(IReadOnlyList<int> grades, IReadOnlyList<double> scores, int k)
    {
        if (grades.Count != scores.Count) throw new ArgumentException("one score per grade", nameof(scores));
        var ideal = Dcg(grades.OrderDescending().Select(Gain).ToList(), k);
        if (ideal <= 0) return null;
        // Each tie block shares its positions' discounts equally: the expected DCG over the block's orders.
        var ranked = grades.Zip(scores).OrderByDescending(p => p.Second).ToList();
        double dcg = 0;
        for (var start = 0; start < ranked.Count && start < k;)
        {
            var end = start;
            while (end + 1 < ranked.Count && ranked[end + 1].Second.Equals(ranked[start].Second)) end++;
            var meanGain = ranked.Skip(start).Take(end - start + 1).Average(p => Gain(p.First));
            for (var position = start; position <= end && position < k; position++) dcg += meanGain / Math.Log2(position + 2);
            start = end + 1;
        }
        return dcg / ideal;
    }

    /// <summary>Spearman's ρ (Pearson's r on average ranks); null when the grades or the scores are all equal.</summary>
    public static double? Spearman(IReadOnlyList<int> grades, IReadOnlyList<double> scores)
    {
        if (grades.Count != scores.Count) throw new ArgumentException("one score per grade", nameof(scores));
        var x = AverageRanks(grades.Select(g => (double)g).ToList());
        var y = AverageRanks(scores);
        var (meanX, meanY) = (x.Average(), y.Average());
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            varianceX += (x[i] - meanX) * (x[i] - meanX);
            varianceY += (y[i] - meanY) * (y[i] - meanY);
        }
        return varianceX <= 0 || varianceY <= 0 ? null : covariance / Math.Sqrt(varianceX * varianceY);
    }

    private static double Gain(int grade) => Math.Pow(2, grade) - 1;

    private static double Dcg(List<double> gains, int k)
    {
        double dcg = 0;
        for (var i = 0; i < Math.Min(k, gains.Count); i++) dcg += gains[i] / Math.Log2(i + 2);
        return dcg;
    }

    /// <summary>1-based ranks, ascending; tied values share the mean of their ranks.</summary>
    private static double[] AverageRanks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]].Equals(values[order[start]])) end++;
            for (var i = start; i <= end; i++) ranks[order[i]] = (start + end) / 2.0 + 1;
            start = end + 1;
        }
        return ranks;
    }
}
