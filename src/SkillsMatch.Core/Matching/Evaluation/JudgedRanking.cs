namespace SkillsMatch.Matching.Evaluation;

/// <summary>One method's figures on a judged set: means over postings of NDCG@5, NDCG@10 and Spearman's ρ.</summary>
/// <param name="NdcgPostings">Postings with at least one grade above 0 (the others have nothing to rank first).</param>
/// <param name="SpearmanPostings">Postings where both grades and scores vary (ρ is undefined otherwise).</param>
public sealed record JudgedRanking(string Method, double Ndcg5, double Ndcg10, double Spearman, int NdcgPostings, int SpearmanPostings)
{
    /// <summary>Groups the scored pairs by posting and averages each figure over the postings where it is defined.</summary>
    public static JudgedRanking Of(string method, IReadOnlyList<(string PostingId, int Grade, double Score)> scored)
    {
        var at5 = new List<double>();
        var at10 = new List<double>();
        var rho = new List<double>();
        foreach (var posting in scored.GroupBy(s => s.PostingId, StringComparer.Ordinal))
        {
            var grades = posting.Select(p => p.Grade).ToList();
            var scores = posting.Select(p => p.Score).ToList();
            if (JudgedMetrics.Ndcg(grades, scores, 5) is { } n5) at5.Add(n5);
            if (JudgedMetrics.Ndcg(grades, scores, 10) is { } n10) at10.Add(n10);
            if (JudgedMetrics.Spearman(grades, scores) is { } r) rho.Add(r);
        }
        return new JudgedRanking(method, Mean(at5), Mean(at10), Mean(rho), at5.Count, rho.Count);
    }

    private static double Mean(List<double> values) => values.Count == 0 ? double.NaN : values.Average();
}
