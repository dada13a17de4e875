using System.IO.Compression;
using System.Text.Json;
using SkillsMatch.Matching.Features;

namespace SkillsMatch.Matching.Ranking;

/// <summary>
/// Scores (learner, role) pairs with the committed ranker (models/ranker.zip): an additive model, one
/// <see cref="ShapeFunction"/> per <see cref="MatchFeature"/>, in points. The score is the sum of the features' points:
/// 0 is the reference candidate (none of the role's skills, nothing related, an unrelated profile), 100 a candidate
/// who holds every requirement credential-verified (QA-assured), recently, at the stated level, with an identical
/// profile. Each feature's points are its exact contribution; profile similarity is worth at most
/// <see cref="SimilarityBound"/> points. Immutable and thread-safe.
/// </summary>
public sealed class MatchScorer
{
    public const string ModelEntry = "SkillsMatch/ranker.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public MatchScorer(IReadOnlyList<ShapeFunction> shapes, RankerCard card)
    {
        if (shapes.Count != MatchFeatures.Count) throw new ArgumentException($"expected {MatchFeatures.Count} shape functions, got {shapes.Count}", nameof(shapes));
        Shapes = shapes;
        Card = card;
    }

    public IReadOnlyList<ShapeFunction> Shapes { get; }

    /// <summary>What the model was trained on and how it did: the figures the model card shows.</summary>
    public RankerCard Card { get; }

    /// <summary>The most points profile similarity can give (or take from a comparison between two learners).</summary>
    public double SimilarityBound => Shapes[(int)MatchFeature.EmbeddingCosine].Maximum;

    /// <summary>The committed model, found from the program's folder or the working directory.</summary>
    public static string? DefaultModelPath => RepositoryFiles.Find("models", "ranker.zip");

    public static MatchScorer Load(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry(ModelEntry) ?? throw new InvalidDataException($"{path} has no {ModelEntry}: not a SkillsMatch additive ranker; retrain it (skillsmatch ranker train)");
        using var json = entry.Open();
        var stored = JsonSerializer.Deserialize<StoredModel>(json) ?? throw new InvalidDataException($"{path}: empty {ModelEntry}");
        if (!stored.Features.SequenceEqual(MatchFeatures.Names))
            throw new InvalidDataException($"{path} was trained on features [{string.Join(", ", stored.Features)}], " +
                                           $"this program builds [{string.Join(", ", MatchFeatures.Names)}]; retrain it (skillsmatch ranker train)");
        var shapes = stored.Shapes.Select(s => new ShapeFunction(s.Knots, s.Points)).ToArray();
        if (shapes.FirstOrDefault(s => !s.IsStrictlyIncreasingFromZero) is { } bad)
            throw new InvalidDataException($"{path}: a shape function does not start at 0 and strictly increase ({string.Join(", ", bad.Points)})");
        return new MatchScorer(shapes, stored.Card);
    }

    public void Save(string path)
    {
        if (File.Exists(path)) File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var json = zip.CreateEntry(ModelEntry, CompressionLevel.Optimal).Open();
        JsonSerializer.Serialize(json, new StoredModel([.. MatchFeatures.Names], [.. Shapes.Select(s => new StoredShape(s.Knots, s.Points))], Card), Indented);
    }

    /// <summary>Each feature's points for one pair (<see cref="MatchFeature"/> order); they add up to its score.</summary>
    public double[] Points(MatchFeatures features)
    {
        var points = new double[MatchFeatures.Count];
        for (var k = 0; k < points.Length; k++) points[k] = Shapes[k].At(features.Values[k]);
        return points;
    }

    /// <summary>Scores 0–100, for ordering and display alike.</summary>
    public double[] RawScores(IReadOnlyList<MatchFeatures> features)
    {
        var scores = new double[features.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            var values = features[i].Values;
            double sum = 0;
            for (var k = 0; k < values.Length; k++) sum += Shapes[k].At(values[k]);
            scores[i] = Math.Clamp(sum, 0, 100);
        }
        return scores;
    }

    /// <summary>Scores each pair 0–100 with its requirement outcomes (contributions, when wanted, from <see cref="Explanation.ScoreContributions"/>).</summary>
    public IReadOnlyList<MatchResult> Score(IReadOnlyList<(RoleProfile Role, LearnerSkills Learner)> pairs, SkillGraph graph, DateTimeOffset asOf)
    {
        var analyses = pairs.Select(p => MatchFeatureBuilder.Analyze(p.Role, p.Learner, graph, asOf)).ToArray();
        var scores = RawScores(analyses.Select(a => a.Features).ToArray());
        return analyses.Select((a, i) => new MatchResult(scores[i], scores[i], a, [])).ToArray();
    }

    private sealed record StoredShape(IReadOnlyList<double> Knots, IReadOnlyList<double> Points);

    private sealed record StoredModel(IReadOnlyList<string> Features, IReadOnlyList<StoredShape> Shapes, RankerCard Card);
}
