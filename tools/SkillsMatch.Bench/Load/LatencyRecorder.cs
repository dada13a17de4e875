namespace SkillsMatch.Bench.Load;

/// <summary>
/// Per request kind: latencies, status codes and the problems seen (500s, 503s without ProblemDetails, transport
/// errors); plus a timeline of every answer, so a fault run can say what clients got during and after an outage.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<double>> _milliseconds = [];
    private readonly Dictionary<(string Kind, int Status), int> _statuses = [];
    private readonly Dictionary<string, int> _problems = [];
    private readonly List<string> _examples = [];
    private readonly List<Answer> _timeline = [];

    public void Record(string kind, int status, double milliseconds, string? problem)
    {
        var at = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            if (!_milliseconds.TryGetValue(kind, out var list)) _milliseconds[kind] = list = [];
            list.Add(milliseconds);
            _statuses[(kind, status)] = _statuses.GetValueOrDefault((kind, status)) + 1;
            _timeline.Add(new Answer(at, kind, status, problem is not null));
            if (problem is null) return;
            _problems[kind] = _problems.GetValueOrDefault(kind) + 1;
            if (_examples.Count < 10) _examples.Add($"{kind}: {problem}");
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
                    Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), _problems.GetValueOrDefault(pair.Key), statuses);
            }).ToList();
        }
    }

    public IReadOnlyList<string> ProblemExamples { get { lock (_gate) return [.. _examples]; } }

    public IReadOnlyList<Answer> Timeline { get { lock (_gate) return [.. _timeline]; } }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <param name="Problems">Answers that are never acceptable: a 5xx other than a 503 ProblemDetails, a body leaking internals, a transport failure.</param>
public sealed record KindSummary(
    string Kind, int Count, double PerSecond, double P50, double P95, double P99, int Problems, IReadOnlyDictionary<int, int> Statuses)
{
    /// <summary>Every answer that was not a 2xx, by status (0 = no HTTP answer).</summary>
    public int Errors => Statuses.Where(s => s.Key is < 200 or >= 300).Sum(s => s.Value);
}

/// <summary>One answer, when it arrived.</summary>
public sealed record Answer(DateTimeOffset At, string Kind, int Status, bool Problem);
