namespace SkillsMatch.Matching.Ranking;

/// <summary>
/// Maps the ranker's raw score to 0–100 for display: the expected relevance grade (0–3) of training pairs with
/// that raw score, as a percentage of 3. Fitted by isotonic regression (pool adjacent violators) over quantile
/// bins, so the map never decreases: a higher raw score never displays lower.
/// </summary>
public sealed record ScoreCalibration(IReadOnlyList<double> RawScores, IReadOnlyList<double> Relevance)
{
    private const int Bins = 40;

    public double ToDisplay(double raw)
    {
        if (RawScores.Count == 0) return 0;
        double relevance;
        if (raw <= RawScores[0]) relevance = Relevance[0];
        else if (raw >= RawScores[^1]) relevance = Relevance[^1];
        else
        {
            var i = 1;
            while (RawScores[i] < raw) i++;
            var t = (raw - RawScores[i - 1]) / (RawScores[i] - RawScores[i - 1]);
            relevance = Relevance[i - 1] + (t * (Relevance[i] - Relevance[i - 1]));
        }
        return Math.Clamp(relevance / 3 * 100, 0, 100);
    }

    public static ScoreCalibration Fit(IReadOnlyList<double> raw, IReadOnlyList<int> labels)
    {
        var pairs = raw.Zip(labels).OrderBy(p => p.First).ToArray();
        var blocks = new List<(double Raw, double Label, int Count)>();
        var size = Math.Max(1, pairs.Length / Bins);
        for (var start = 0; start < pairs.Length; start += size)
        {
            var bin = pairs.AsSpan(start, Math.Min(size, pairs.Length - start)).ToArray();
            blocks.Add((bin.Average(p => p.First), bin.Average(p => p.Second), bin.Length));
            // Pool adjacent violators: merge while the previous block's mean label is higher.
            while (blocks.Count > 1 && blocks[^2].Label > blocks[^1].Label)
            {
                var (a, b) = (blocks[^2], blocks[^1]);
                var n = a.Count + b.Count;
                blocks.RemoveRange(blocks.Count - 2, 2);
                blocks.Add(((a.Raw * a.Count + b.Raw * b.Count) / n, (a.Label * a.Count + b.Label * b.Count) / n, n));
            }
        }
        return new ScoreCalibration(blocks.Select(b => b.Raw).ToList(), blocks.Select(b => b.Label).ToList());
    }
}
