using SkillsMatch.Matching.Features;

namespace SkillsMatch.Matching.Training;

/// <summary>
/// Builds the ranker's training and test data from a taxonomy's occupation skill profiles (see models/README.md).
/// Whole occupations are held out: a held-out occupation is never a training role nor a training learner's
/// source. Each group is one role with candidates drawn from its own occupation, the occupations closest
/// to it, random ones, and padded profiles, labelled by <see cref="RelevanceGrade"/>.
/// </summary>
public static class WeakSupervision
{
    public sealed record Options(int Seed = 7, double HoldOutShare = 0.2, int GroupsPerRole = 6, int MaxGroups = 3000)
    {
        public const int SameOccupation = 3, Close = 6, Random = 8, Padded = 3;
    }

    public static RankingDataset Build(IReadOnlyList<OccupationProfile> occupations, SkillGraph graph, Options options, DateTimeOffset asOf)
    {
        if (occupations.Count < 5) throw new ArgumentException($"weak supervision needs at least 5 occupations with skills; the taxonomy has {occupations.Count}");
        var random = new Random(options.Seed);
        var shuffled = occupations.OrderBy(o => o.Id).ToArray();
        random.Shuffle(shuffled);
        var heldOutCount = Math.Max(1, (int)Math.Round(shuffled.Length * options.HoldOutShare));
        var heldOut = shuffled.Take(heldOutCount).Select(o => o.Id).ToHashSet();
        var byId = occupations.ToDictionary(o => o.Id);
        var training = shuffled.Skip(heldOutCount).ToArray();

        var overlap = new OccupationOverlap(occupations);
        var allSkillIds = occupations.SelectMany(o => o.Skills).Select(s => s.SkillId).Distinct().Order().ToList();
        var sampler = new SyntheticLearners(graph, allSkillIds, random, asOf);
        var groupsPerRole = Math.Clamp(options.MaxGroups / occupations.Count, 1, options.GroupsPerRole);

        // Training sees only training occupations; the test roles are held-out occupations, their candidates from anywhere.
        var train = Groups("train", training, training, id => !heldOut.Contains(id));
        var test = Groups("test", shuffled.Take(heldOutCount).ToArray(), shuffled, _ => true);
        return new RankingDataset(train, test, heldOut);

        List<RankingExample> Groups(string split, OccupationProfile[] roles, OccupationProfile[] pool, Func<long, bool> inPool)
        {
            var examples = new List<RankingExample>();
            foreach (var roleOccupation in roles)
                for (var g = 0; g < groupsPerRole; g++)
                {
                    var role = sampler.Role(roleOccupation);
                    var group = $"{split}:{roleOccupation.Id}:{g}";
                    var close = overlap.Closest(roleOccupation.Id, 10, inPool);
                    var candidates = new List<(OccupationProfile Source, bool Padded)>();
                    for (var i = 0; i < Options.SameOccupation; i++) candidates.Add((roleOccupation, false));
                    for (var i = 0; i < Options.Close; i++)
                        candidates.Add((close.Count > 0 ? byId[close[random.Next(close.Count)]] : pool[random.Next(pool.Length)], false));
                    for (var i = 0; i < Options.Random; i++) candidates.Add((pool[random.Next(pool.Length)], false));
                    for (var i = 0; i < Options.Padded; i++) candidates.Add((pool[random.Next(pool.Length)], true));
                    var ordered = candidates.ToArray();
                    random.Shuffle(ordered); // ties in a baseline's score must not follow the label order
                    foreach (var (source, padded) in ordered)
                    {
                        var learner = sampler.Learner(source, padded ? role : null);
                        var analysis = MatchFeatureBuilder.Analyze(role, learner, graph, asOf);
                        var label = RelevanceGrade.Of(source, roleOccupation, overlap.Of(source.Id, roleOccupation.Id));
                        examples.Add(new RankingExample(group, label, analysis.Features, roleOccupation.Id, source.Id));
                    }
                }
            return examples;
        }
    }
}
