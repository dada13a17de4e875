using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Ranking;

namespace SkillsMatch.Matching.Training;

/// <summary>
/// Trains the learner-to-role ranker: a generalised additive model (one shape function per feature) fitted to the
/// graded labels by backfitting with isotonic regression, so every shape is non-decreasing by construction — a
/// monotone GAM. Each cycle fits one feature's shape to what the others leave unexplained (weighted least squares,
/// pool adjacent violators over the feature's 21 grid points). Then the shapes keep the score's other promises: a
/// small minimum slope (better evidence always counts: credential-verified strictly above attested), the similarity
/// shape scaled down to at most <see cref="Options.SimilarityBound"/> points, and the whole scaled so the reference
/// candidate (every feature 0) scores 0 and the ideal one (every feature 1) scores 100.
/// (ML.NET's GAM trainer was tried first: on these bounded, collinear features it returned empty shapes.)
/// </summary>
public static class RankerTrainer
{
    /// <param name="MinimumShare">Every feature's share of the 100 points is at least this (before the similarity cap).</param>
    public sealed record Options(int Seed = 7, int Cycles = 40, double SimilarityBound = 10, double MinimumShare = 0.01);

    /// <summary>The shapes are read at these points: every 1/20 of [0, 1].</summary>
    public static readonly IReadOnlyList<double> Grid = [.. Enumerable.Range(0, 21).Select(i => i / 20.0)];

    public const string Method = "monotone GAM (isotonic backfitting on graded labels)";

    /// <param name="weights">Per example (recency, outcome vs weak label); 1 each when null.</param>
    public static MatchScorer Train(IReadOnlyList<RankingExample> examples, Options options, RankerCard? card = null, IReadOnlyList<double>? weights = null)
    {
        if (examples.Count == 0) throw new ArgumentException("no training examples", nameof(examples));
        var n = examples.Count;
        var bins = new int[n, MatchFeatures.Count];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < MatchFeatures.Count; k++)
                bins[i, k] = (int)Math.Round(Math.Clamp(examples[i].Features.Values[k], 0, 1) * (Grid.Count - 1));
        var w = weights ?? [.. Enumerable.Repeat(1.0, n)];
        var totalWeight = w.Sum();
        var intercept = examples.Select((e, i) => e.Label * w[i]).Sum() / totalWeight;
        var shapes = new double[MatchFeatures.Count][];
        for (var k = 0; k < shapes.Length; k++) shapes[k] = new double[Grid.Count];
        var fitted = new double[n];
        for (var i = 0; i < n; i++) fitted[i] = intercept;

        for (var cycle = 0; cycle < options.Cycles; cycle++)
            for (var k = 0; k < shapes.Length; k++)
            {
                var sum = new double[Grid.Count];
                var weight = new double[Grid.Count];
                for (var i = 0; i < n; i++)
                {
                    var b = bins[i, k];
                    sum[b] += w[i] * (examples[i].Label - (fitted[i] - shapes[k][b]));
                    weight[b] += w[i];
                }
                var shape = Isotonic(sum, weight);
                var mean = Enumerable.Range(0, Grid.Count).Sum(b => shape[b] * weight[b]) / totalWeight;
                for (var b = 0; b < shape.Length; b++) shape[b] -= mean;
                for (var i = 0; i < n; i++) fitted[i] += shape[bins[i, k]] - shapes[k][bins[i, k]];
                shapes[k] = shape;
            }

        var monotone = shapes.Select(s => s.Select(v => v - s[0]).ToArray()).ToArray();
        return new MatchScorer(Shape(monotone, options), card ?? new RankerCard(Method, options.Seed, 0, 0, null));
    }

    /// <summary>
    /// Weighted isotonic (non-decreasing) regression of the bins' means (pool adjacent violators); bins without
    /// examples take their left neighbour's value (or the first fitted one), which keeps the result non-decreasing.
    /// </summary>
    public static double[] Isotonic(IReadOnlyList<double> sums, IReadOnlyList<double> weights)
    {
        var blocks = new List<(double Sum, double Weight, int First, int Last)>();
        for (var b = 0; b < sums.Count; b++)
        {
            if (weights[b] <= 0) continue;
            blocks.Add((sums[b], weights[b], b, b));
            while (blocks.Count > 1 && blocks[^2].Sum / blocks[^2].Weight > blocks[^1].Sum / blocks[^1].Weight)
            {
                var (a, c) = (blocks[^2], blocks[^1]);
                blocks.RemoveRange(blocks.Count - 2, 2);
                blocks.Add((a.Sum + c.Sum, a.Weight + c.Weight, a.First, c.Last));
            }
        }
        var result = new double[sums.Count];
        if (blocks.Count == 0) return result;
        foreach (var block in blocks)
            for (var b = block.First; b <= block.Last; b++) result[b] = block.Sum / block.Weight;
        var last = blocks[0].Sum / blocks[0].Weight;
        for (var b = 0; b < result.Length; b++)
        {
            if (weights[b] > 0 || blocks.Any(x => x.First <= b && b <= x.Last)) last = result[b];
            else result[b] = last;
        }
        return result;
    }

    /// <summary>Minimum slope, the similarity cap and the 0–100 scale, from non-decreasing shapes that start at 0.</summary>
    public static ShapeFunction[] Shape(IReadOnlyList<double[]> monotone, Options options)
    {
        var total = monotone.Sum(s => s[^1]);
        if (total <= 0) total = 1;
        var slope = options.MinimumShare * total;
        var shapes = monotone.Select(s => s.Select((v, i) => v + (slope * Grid[i])).ToArray()).ToArray();
        var similarity = (int)MatchFeature.EmbeddingCosine;
        var others = shapes.Where((_, k) => k != similarity).Sum(s => s[^1]);
        var allowed = others * options.SimilarityBound / (100 - options.SimilarityBound);
        if (shapes[similarity][^1] > allowed)
        {
            var factor = allowed / shapes[similarity][^1];
            shapes[similarity] = [.. shapes[similarity].Select(v => v * factor)];
        }
        var scale = 100 / shapes.Sum(s => s[^1]);
        return [.. shapes.Select(s => new ShapeFunction(Grid, [.. s.Select(v => v * scale)]))];
    }
}
