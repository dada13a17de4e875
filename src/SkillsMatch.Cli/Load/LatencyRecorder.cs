namespace SkillsMatch.Cli.Load;

/// <summary>Per request kind: latencies, status codes and the problems seen (500s, 503s without ProblemDetails, transport errors).</summary>
public sealed class LatencyRecorder
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<double>> _milliseconds = [];
    private readonly Dictionary<(string Kind, int Status), int> _statuses = [];
    private readonly Dictionary<string, int> _errors = [];
    private readonly List<string> _examples = [];

    public void Record(string kind, int status, double milliseconds, string? error)
    {
        lock (_gate)
        {
            if (!_milliseconds.TryGetValue(kind, out var list)) _milliseconds[kind] = list = [];
            list.Add(milliseconds);
            _statuses[(kind, status)] = _statuses.GetValueOrDefault((kind, status)) + 1;
            if (error is null) return;
            _errors[kind] = _errors.GetValueOrDefault(kind) + 1;
            if (_examples.Count < 10) _examples.Add($"{kind}: {error}");
        }
    }

    public IReadOnlyList<KindSummary> Summarise(TimeSpan elapsed)
    {
        lock (_gate)
        {
            return _milliseconds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(pair =>
            {
                var sorted = pair.Value.Order().ToArray();
                var statuses = _statuses.Where(s => s.Key.Kind == pair.Key).ToDictionary(s => s.Key.Status, s => s.Value);
                return new KindSummary(pair.Key, sorted.Length, sorted.Length / elapsed.TotalSeconds,
                    Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), _errors.GetValueOrDefault(pair.Key), statuses);
            }).ToList();
        }
    }

    public IReadOnlyList<string> ErrorExamples { get { lock (_gate) return [.. _examples]; } }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

public sealed record KindSummary(
    string Kind, int Count, double PerSecond, double P50, double P95, double P99, int Errors, IReadOnlyDictionary<int, int> Statuses);
