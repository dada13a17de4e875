using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace SkillsMatch.Matching;

/// <summary>
/// Scores (learner, role) pairs with the learned ranker (models/ranker.zip) and explains them. Load once and
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

    /// <summary>
    /// Scores each pair 0–100 with its requirement outcomes; with <paramref name="explain"/>, also what each
    /// <see cref="FeatureGroups"/> group contributed, by ablation: the score minus the score with that group set to
    /// <see cref="Typical"/>'s values. (ML.NET's FeatureContributionCalculation needs the concrete trained model
    /// type and splits credit per split feature; ablation works on any loaded model and reads in display points.)
    /// </summary>
    public IReadOnlyList<MatchResult> Score(IReadOnlyList<(RoleProfile Role, LearnerSkills Learner)> pairs, SkillGraph graph, DateTimeOffset asOf, bool explain = false)
    {
        var analyses = pairs.Select(p => MatchFeatureBuilder.Analyze(p.Role, p.Learner, graph, asOf)).ToArray();
        var raw = RawScores(analyses.Select(a => a.Features).ToArray());
        return explain
            ? Explain([.. analyses.Select((a, i) => (a, raw[i]))])
            : analyses.Select((a, i) => new MatchResult(Calibration.ToDisplay(raw[i]), raw[i], a, [])).ToArray();
    }

    /// <summary>Results with contributions for analyses already scored (<paramref name="scored"/>: analysis and its raw score).</summary>
    public IReadOnlyList<MatchResult> Explain(IReadOnlyList<(MatchAnalysis Analysis, double Raw)> scored)
    {
        var ablations = new List<MatchFeatures>(scored.Count * FeatureGroups.All.Count);
        foreach (var (analysis, _) in scored)
            foreach (var (_, features) in FeatureGroups.All)
            {
                var ablated = new MatchFeatures((float[])analysis.Features.Values.Clone());
                foreach (var feature in features) ablated[feature] = Typical[feature];
                ablations.Add(ablated);
            }
        var ablatedRaw = RawScores(ablations);
        return scored.Select((s, i) =>
        {
            var display = Calibration.ToDisplay(s.Raw);
            var contributions = FeatureGroups.All.Select((group, g) => new FeatureContribution(group.Name,
                    display - Calibration.ToDisplay(ablatedRaw[(i * FeatureGroups.All.Count) + g]),
                    group.Features.Select(f => new FeatureValue(f.ToString(), s.Analysis.Features[f], Typical[f])).ToArray()))
                .OrderByDescending(c => Math.Abs(c.Points)).ToArray();
            return new MatchResult(display, s.Raw, s.Analysis, contributions);
        }).ToArray();
    }

    private sealed record StoredCalibration(IReadOnlyList<string> Features, IReadOnlyList<double> RawScores, IReadOnlyList<double> Relevance, IReadOnlyList<float> Typical);
}
