namespace SkillsMatch.Matching.Ranking;

/// <summary>
/// One feature's part of the score: points at <see cref="Knots"/> (ascending, 0 first, 1 last), linear between them.
/// <see cref="Points"/> start at 0 (the reference candidate) and strictly increase, so more of a feature always
/// means more points.
/// </summary>
public sealed record ShapeFunction(IReadOnlyList<double> Knots, IReadOnlyList<double> Points)
{
    public double At(double x)
    {
        if (x <= Knots[0]) return Points[0];
        if (x >= Knots[^1]) return Points[^1];
        var i = 1;
        while (Knots[i] < x) i++;
        var t = (x - Knots[i - 1]) / (Knots[i] - Knots[i - 1]);
        return Points[i - 1] + (t * (Points[i] - Points[i - 1]));
    }

    /// <summary>Points at the feature's best value (1).</summary>
    public double Maximum => Points[^1];

    /// <summary>Whether the points start at 0 and strictly increase (the model's shape guarantee).</summary>
    public bool IsStrictlyIncreasingFromZero =>
        Knots.Count == Points.Count && Knots.Count >= 2 && Points[0] == 0 && Enumerable.Range(1, Points.Count - 1).All(i => Points[i] > Points[i - 1] && Knots[i] > Knots[i - 1]);
}
