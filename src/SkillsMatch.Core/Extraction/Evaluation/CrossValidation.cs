namespace SkillsMatch.Extraction.Evaluation;

/// <summary>One gold set's held-out figures: the threshold was chosen on the other sets only.</summary>
public sealed record HeldOutFold(string Name, double ChosenThreshold, LinkingReport HeldOut, LinkingReport AtDefault);

/// <summary>
/// Leave-one-set-out tuning of the operating threshold across gold sets that were written apart (our own set and the
/// public dev splits): for each set, the threshold with the best mean F1 on the others is read on it. The held-out
/// figures are the honest ones; a threshold that only suits one set shows up as a drop on its fold. RP@5 and MRR do
/// not depend on the threshold (they rank every candidate), so they are the same held out or not.
/// </summary>
public static class CrossValidation
{
    public static IReadOnlyList<double> Grid { get; } = Enumerable.Range(0, 14).Select(i => Math.Round(0.30 + 0.05 * i, 2)).ToList();

    public static IReadOnlyList<HeldOutFold> LeaveOneOut(IReadOnlyList<(string Name, LinkingEvaluation Evaluation)> folds, double defaultThreshold)
    {
        if (folds.Count < 2) throw new ArgumentException("cross-validation needs at least two gold sets", nameof(folds));
        var result = new List<HeldOutFold>(folds.Count);
        for (var held = 0; held < folds.Count; held++)
        {
            var others = folds.Where((_, i) => i != held).Select(f => f.Evaluation).ToList();
            var best = Grid.MaxBy(t => others.Average(e => e.At(t).F1));
            result.Add(new HeldOutFold(folds[held].Name, best, folds[held].Evaluation.At(best), folds[held].Evaluation.At(defaultThreshold)));
        }
        return result;
    }
}
