namespace SkillsMatch.Matching.Evaluation;

/// <summary>How the disagreement between two grades counts: all alike, by distance, or by squared distance.</summary>
public enum KappaWeights
{
    Unweighted,
    Linear,
    Quadratic,
}

/// <summary>
/// Cohen's κ between two graders of the same items on an ordinal scale 0..categories−1: (observed − chance agreement) ÷
/// (1 − chance agreement), where agreement of grades i and j weighs 1 − |i − j|/(K − 1) (linear), 1 − ((i − j)/(K − 1))²
/// (quadratic) or 1 when equal and 0 otherwise (unweighted), and chance comes from each grader's own grade shares.
/// </summary>
public static class CohenKappa
{
    /// <summary>Null when chance agreement is already perfect (both graders gave one and the same grade to everything).</summary>
    public static double? Of(IReadOnlyList<int> a, IReadOnlyList<int> b, int categories, KappaWeights weights)
    {
        if (a.Count != b.Count || a.Count == 0) throw new ArgumentException("two non-empty lists of the same items' grades", nameof(b));
        if (categories < 2) throw new ArgumentOutOfRangeException(nameof(categories), "at least two grades");
        if (a.Concat(b).Any(g => g < 0 || g >= categories)) throw new ArgumentOutOfRangeException(nameof(a), $"grades run from 0 to {categories - 1}");
        var n = (double)a.Count;
        var shareA = new double[categories];
        var shareB = new double[categories];
        double observed = 0;
        for (var i = 0; i < a.Count; i++)
        {
            shareA[a[i]] += 1 / n;
            shareB[b[i]] += 1 / n;
            observed += Agreement(a[i], b[i], categories, weights) / n;
        }
        double chance = 0;
        for (var i = 0; i < categories; i++)
            for (var j = 0; j < categories; j++)
                chance += shareA[i] * shareB[j] * Agreement(i, j, categories, weights);
        return chance >= 1 - 1e-12 ? null : (observed - chance) / (1 - chance);
    }

    private static double Agreement(int i, int j, int categories, KappaWeights weights)
    {
        var distance = Math.Abs(i - j) / (double)(categories - 1);
        return weights switch
        {
            KappaWeights.Linear => 1 - distance,
            KappaWeights.Quadratic => 1 - distance * distance,
            _ => i == j ? 1 : 0,
        };
    }
}
