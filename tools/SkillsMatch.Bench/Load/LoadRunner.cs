using System.Diagnostics;

namespace SkillsMatch.Bench.Load;

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers each send the next request as soon as the previous one answers,
/// drawn from the weighted mix, until the duration is over. A response counts as a problem when it is a 5xx other
/// than 503, a 503 without a ProblemDetails body, a body that leaks internals, or a transport failure.
/// </summary>
public sealed class LoadRunner(HttpClient http, IReadOnlyList<LoadRequest> mix, int concurrency)
{
    public LatencyRecorder Recorder { get; } = new();

    public async Task<TimeSpan> RunAsync(TimeSpan duration, CancellationToken ct)
    {
        var totalWeight = mix.Sum(r => r.Weight);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(duration);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(index => Task.Run(async () =>
        {
            var worker = new LoadWorker(index, new Random(index));
            while (!stop.IsCancellationRequested)
                await SendAsync(Choose(worker.Random, totalWeight), worker, stop.Token);
        }, CancellationToken.None));
        await Task.WhenAll(workers);
        return clock.Elapsed;
    }

    private LoadRequest Choose(Random random, int totalWeight)
    {
        var ticket = random.Next(totalWeight);
        foreach (var request in mix)
            if ((ticket -= request.Weight) < 0) return request;
        return mix[^1];
    }

    private async Task SendAsync(LoadRequest kind, LoadWorker worker, CancellationToken stop)
    {
        using var request = kind.Create(worker);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            var status = (int)response.StatusCode;
            Recorder.Record(kind.Kind, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, Problem(status, response, body));
            kind.Observe?.Invoke(worker, request, status, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            if (stop.IsCancellationRequested && ex is TaskCanceledException) return;
            Recorder.Record(kind.Kind, 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name + ": " + ex.Message);
            kind.Observe?.Invoke(worker, request, 0, "");
        }
    }

    private static readonly string[] Leaks = ["Exception", "   at ", "Npgsql", "StackTrace", "SELECT ", "INSERT "];

    internal static string? Problem(int status, HttpResponseMessage response, string body)
    {
        if (Leaks.FirstOrDefault(leak => body.Contains(leak, StringComparison.Ordinal)) is { } leak)
            return $"{status} body leaks internals ('{leak}')";
        if (status == 503)
            return response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? null : "503 without a ProblemDetails body";
        return status >= 500 ? $"{status} {Truncate(body)}" : null;
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
