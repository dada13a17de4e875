using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using SkillsMatch.Matching.Features;

namespace SkillsMatch.Matching.Ranking;

/// <summary>
/// Scores (learner, role) pairs with the learned ranker (models/ranker.zip). Load once and
/// share: a PredictionEngine is not thread-safe, so each call rents one from a pool for its whole batch (a
/// batch <see cref="ITransformer.Transform"/> costs tens of ms in set-up; a pooled engine scores 200 rows in about one).
/// </summary>
public sealed class MatchScorer
{
    public const string CalibrationEntry = "SkillsMatch/calibration.json";

    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly ConcurrentBag<PredictionEngine<RankerFeatureRow, RankerScoreRow>> engines = [];

    public MatchScorer(MLContext ml, ITransformer model, ScoreCalibration calibration, MatchFeatures typical)
    {
        this.ml = ml;
        this.model = model;
        Calibration = calibration;
        Typical = typical;
    }

    public ScoreCalibration Calibration { get; }

    /// <summary>The training pair with the median score: what explanations compare a candidate with.</summary>
    public MatchFeatures Typical { get; }

    /// <summary>The committed model, found from the program's folder or the working directory.</summary>
    public static string? DefaultModelPath => RepositoryFiles.Find("models", "ranker.zip");

    public static MatchScorer Load(string path)
    {
        var ml = new MLContext(seed: 0);
        ITransformer model;
        using (var stream = File.OpenRead(path)) model = ml.Model.Load(stream, out _);
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry(CalibrationEntry) ?? throw new InvalidDataException($"{path} has no {CalibrationEntry}: not a SkillsMatch ranker");
        using var json = entry.Open();
        var stored = JsonSerializer.Deserialize<StoredCalibration>(json) ?? throw new InvalidDataException($"{path}: empty {CalibrationEntry}");
        if (!stored.Features.SequenceEqual(MatchFeatures.Names))
            throw new InvalidDataException($"{path} was trained on features [{string.Join(", ", stored.Features)}], " +
                                           $"this program builds [{string.Join(", ", MatchFeatures.Names)}]; retrain it (skillsmatch ranker train)");
        return new MatchScorer(ml, model, new ScoreCalibration(stored.RawScores, stored.Relevance), new MatchFeatures([.. stored.Typical]));
    }

    public void Save(string path)
    {
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<RankerFeatureRow>()).Schema;
        ml.Model.Save(model, schema, path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        using var json = zip.CreateEntry(CalibrationEntry).Open();
        JsonSerializer.Serialize(json, new StoredCalibration([.. MatchFeatures.Names], Calibration.RawScores, Calibration.Relevance, Typical.Values));
    }

    /// <summary>The model's raw scores, for ordering.</summary>
    public double[] RawScores(IReadOnlyList<MatchFeatures> features)
    {
        if (features.Count == 0) return [];
        if (!engines.TryTake(out var engine)) engine = ml.Model.CreatePredictionEngine<RankerFeatureRow, RankerScoreRow>(model);
        try
        {
            var scores = new double[features.Count];
            var row = new RankerFeatureRow();
            var output = new RankerScoreRow();
            for (var i = 0; i < scores.Length; i++)
            {
                row.Features = features[i].Values;
                engine.Predict(row, ref output);
                scores[i] = output.Score;
            }
            return scores;
        }
        finally
        {
            engines.Add(engine);
        }
    }

    /// <summary>Scores each pair 0–100 with its requirement outcomes (contributions, when wanted, from <see cref="Explanation.FeatureAblation"/>).</summary>
    public IReadOnlyList<MatchResult> Score(IReadOnlyList<(RoleProfile Role, LearnerSkills Learner)> pairs, SkillGraph graph, DateTimeOffset asOf)
    {
        var analyses = pairs.Select(p => MatchFeatureBuilder.Analyze(p.Role, p.Learner, graph, asOf)).ToArray();
        var raw = RawScores(analyses.Select(a => a.Features).ToArray());
        return analyses.Select((a, i) => new MatchResult(Calibration.ToDisplay(raw[i]), raw[i], a, [])).ToArray();
    }

    private sealed record StoredCalibration(IReadOnlyList<string> Features, IReadOnlyList<double> RawScores, IReadOnlyList<double> Relevance, IReadOnlyList<float> Typical);
}
