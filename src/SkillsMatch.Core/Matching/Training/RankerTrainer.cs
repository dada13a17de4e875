using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Ranking;

namespace SkillsMatch.Matching.Training;

/// <summary>
/// Trains the learner-to-role ranker: ML.NET FastTree LambdaRank (gradient-boosted trees, pure managed code,
/// so no native OpenMP as LightGBM needs) over <see cref="MatchFeatures"/>, then fits the display calibration.
/// </summary>
public static class RankerTrainer
{
    public sealed record Options(int Seed = 7, int Trees = 120, int Leaves = 12, int MinimumExamplesPerLeaf = 30, double LearningRate = 0.15);

    public static MatchScorer Train(IReadOnlyList<RankingExample> examples, Options options)
    {
        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new RankerTrainingRow { Features = e.Features.Values, Label = e.Label, Group = e.Group }));
        // Group ids by hashing: a MapValueToKey fitted on training groups would collapse unseen groups at evaluation.
        var grouped = ml.Transforms.Conversion.Hash("GroupId", nameof(RankerTrainingRow.Group), numberOfBits: 30).Fit(data).Transform(data);
        var trainer = ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = nameof(RankerTrainingRow.Label),
            FeatureColumnName = nameof(RankerFeatureRow.Features),
            RowGroupColumnName = "GroupId",
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(grouped);
        var empty = new MatchFeatures(new float[MatchFeatures.Count]);
        var raw = new MatchScorer(ml, model, new ScoreCalibration([], []), empty).RawScores(examples.Select(e => e.Features).ToArray());
        var typical = examples[Enumerable.Range(0, raw.Length).OrderBy(i => raw[i]).ElementAt(raw.Length / 2)].Features;
        return new MatchScorer(ml, model, ScoreCalibration.Fit(raw, examples.Select(e => e.Label).ToArray()), typical);
    }
}
