using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Outcomes;
using SkillsMatch.Matching.Retrieval;

namespace SkillsMatch.Matching.Training;

/// <summary>
/// Real outcomes as training data (issue 18, item 7): each posting with graded candidates is a group (labels from
/// <see cref="OutcomeStages"/>), its features built now by the same <see cref="MatchFeatureBuilder"/> as serving.
/// Whole postings are held out for evaluation. Training examples are weighted by recency (half-life) and, together,
/// carry <see cref="Options.Share"/> of the weight of the weak-label examples they are trained with.
/// </summary>
public static class OutcomeSupervision
{
    /// <param name="Share">The outcome examples' total weight as a share of the weak-label examples' total weight.</param>
    public sealed record Options(int Seed = 7, double HoldOutShare = 0.3, double HalfLifeDays = 365, double Share = 1.0);

    public sealed record Dataset(IReadOnlyList<OutcomeExample> Train, IReadOnlyList<OutcomeExample> Test, int Outcomes, int Postings);

    /// <summary>Every posting's graded candidates with their features; postings or learners deleted since are left out.</summary>
    public static async Task<IReadOnlyList<OutcomeExample>> LoadAsync(
        OutcomeStore outcomes, MatchInputsStore inputs, SkillGraph graph, DateTimeOffset asOf, CancellationToken ct)
    {
        var groups = await outcomes.TrainingGroupsAsync(ct);
        if (groups.Count == 0) return [];
        var postings = await inputs.PostingsAsync([.. groups.Select(g => g.PostingId)], ct);
        var learners = await inputs.LearnersAsync([.. groups.SelectMany(g => g.Candidates.Select(c => c.LearnerId)).Distinct()], ct);
        var examples = new List<OutcomeExample>();
        foreach (var group in groups)
        {
            if (!postings.TryGetValue(group.PostingId, out var posting)) continue;
            foreach (var (learnerId, grade, occurred) in group.Candidates)
                if (learners.TryGetValue(learnerId, out var learner))
                    examples.Add(new OutcomeExample(new RankingExample($"outcome:{group.PostingId}", grade,
                        MatchFeatureBuilder.Analyze(posting.Role, learner, graph, asOf).Features, 0, 0), occurred));
        }
        return examples;
    }

    /// <summary>Holds out whole postings (at least one when there are two or more), seeded.</summary>
    public static Dataset Split(IReadOnlyList<OutcomeExample> examples, Options options)
    {
        var groups = examples.Select(e => e.Example.Group).Distinct().Order(StringComparer.Ordinal).ToArray();
        new Random(options.Seed).Shuffle(groups);
        var heldOut = groups.Length < 2 ? 0 : Math.Clamp((int)Math.Round(groups.Length * options.HoldOutShare), 1, groups.Length - 1);
        var test = groups.Take(heldOut).ToHashSet();
        return new Dataset([.. examples.Where(e => !test.Contains(e.Example.Group))], [.. examples.Where(e => test.Contains(e.Example.Group))],
            examples.Count, groups.Length);
    }

    /// <summary>
    /// Weak examples weigh 1 each; outcome examples exp(−ln 2 · age / half-life), scaled so that together they weigh
    /// <see cref="Options.Share"/> of the weak examples.
    /// </summary>
    public static (List<RankingExample> Examples, List<double> Weights) Combine(
        IReadOnlyList<RankingExample> weak, IReadOnlyList<OutcomeExample> outcomes, Options options, DateOnly today)
    {
        var examples = new List<RankingExample>(weak);
        var weights = Enumerable.Repeat(1.0, weak.Count).ToList();
        if (outcomes.Count == 0) return (examples, weights);
        var recency = outcomes.Select(o => Math.Exp(-Math.Log(2) * Math.Max(0, today.DayNumber - o.OccurredOn.DayNumber) / options.HalfLifeDays)).ToArray();
        if (recency.Sum() <= 0) Array.Fill(recency, 1.0); // all so old their weights underflow: equal weights
        var scale = options.Share * Math.Max(weak.Count, 1) / recency.Sum();
        examples.AddRange(outcomes.Select(o => o.Example));
        weights.AddRange(recency.Select(r => r * scale));
        return (examples, weights);
    }
}
