using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SkillsMatch.Telemetry;

/// <summary>
/// The product's own traces and metrics (docs/observability.md lists them): one <see cref="ActivitySource"/> and one
/// <see cref="Meter"/>, both named <see cref="Name"/>, exported by the API's OpenTelemetry setup when it runs and free
/// (no listener, no cost beyond a check) when it does not.
/// </summary>
public static class SkillsMatchTelemetry
{
    public const string Name = "SkillsMatch";

    public static readonly ActivitySource Activities = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("skillsmatch.matching.stage.duration", "s",
        "Time in one stage of a matching view: retrieval, features, ranking or explanation; tagged with the view");

    private static readonly Counter<long> MatchCache = Meter.CreateCounter<long>("skillsmatch.matching.cache.lookups", null,
        "Remembered-matches lookups by result (hit, miss)");

    private static readonly Histogram<double> ExtractionDuration = Meter.CreateHistogram<double>("skillsmatch.extraction.duration", "s",
        "Time to extract the skills of one text; tagged with mode (semantic, lexical)");

    private static readonly Counter<long> ExtractedSkills = Meter.CreateCounter<long>("skillsmatch.extraction.skills", null,
        "Skills found by extraction");

    private static readonly Histogram<double> VerificationDuration = Meter.CreateHistogram<double>("skillsmatch.credentials.verification.duration", "s",
        "Time to verify one credential; tagged with format and outcome (verified, not_verified)");

    private static readonly Counter<long> EmbeddingCache = Meter.CreateCounter<long>("skillsmatch.embeddings.cache.lookups", null,
        "Texts looked up in the in-memory embedding cache by result (hit, miss)");

    /// <summary>Times a matching stage as a span and a histogram entry: <c>using var _ = SkillsMatchTelemetry.Stage("retrieval", "roles");</c></summary>
    public static StageTimer Stage(string stage, string view) => new(stage, view, Activities.StartActivity("matching." + stage));

    public static void MatchCacheLookup(bool hit) =>
        MatchCache.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public static void Extracted(long startTimestamp, bool semantic, int skills)
    {
        ExtractionDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>("mode", semantic ? "semantic" : "lexical"));
        ExtractedSkills.Add(skills);
    }

    public static void Verified(long startTimestamp, string format, bool verified) =>
        VerificationDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds,
            new KeyValuePair<string, object?>("format", format), new KeyValuePair<string, object?>("outcome", verified ? "verified" : "not_verified"));

    public static void EmbeddingCacheLookups(int hits, int misses)
    {
        if (hits > 0) EmbeddingCache.Add(hits, new KeyValuePair<string, object?>("result", "hit"));
        if (misses > 0) EmbeddingCache.Add(misses, new KeyValuePair<string, object?>("result", "miss"));
    }

    public readonly struct StageTimer(string stage, string view, Activity? activity) : IDisposable
    {
        private readonly long started = Stopwatch.GetTimestamp();

        public void Dispose()
        {
            StageDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("stage", stage), new KeyValuePair<string, object?>("view", view));
            activity?.Dispose();
        }
    }
}
