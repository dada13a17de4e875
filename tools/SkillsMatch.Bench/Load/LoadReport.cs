using System.Globalization;

namespace SkillsMatch.Bench.Load;

/// <summary>What <c>skillsmatch load</c> prints: a table per request kind, the outage as clients saw it, the write check.</summary>
internal static class LoadReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void PrintKinds(IReadOnlyList<KindSummary> kinds)
    {
        Console.WriteLine();
        Console.WriteLine($"{"kind",-11} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7}  non-2xx by status");
        foreach (var k in kinds)
            Console.WriteLine(string.Create(Invariant, $"{k.Kind,-11} {k.Count,9} {k.PerSecond,8:F1} {k.P50,8:F1} {k.P95,8:F1} {k.P99,8:F1} {k.Errors,7}  {Statuses(k.Statuses)}"));
        var total = kinds.Sum(k => k.Count);
        Console.WriteLine(string.Create(Invariant, $"{"all",-11} {total,9} {kinds.Sum(k => k.PerSecond),8:F1}"));
    }

    /// <summary>Prints what clients got from the stop to the first good answer after the start; true when any answer was unacceptable.</summary>
    public static bool PrintOutage(IReadOnlyList<Answer> timeline, FaultTimeline fault)
    {
        var after = timeline.Where(a => a.At >= fault.Stopped).OrderBy(a => a.At).ToList();
        var lastFailure = after.LastOrDefault(a => !Ok(a.Status));
        var firstFailure = after.FirstOrDefault(a => !Ok(a.Status));
        var recovered = lastFailure is null ? null : after.FirstOrDefault(a => a.At > lastFailure.At && Ok(a.Status));
        var window = after.Where(a => lastFailure is not null && a.At <= lastFailure.At).ToList();
        // During an outage an answer is acceptable when it is a success (nothing needed the database) or a 503 ProblemDetails.
        var unacceptable = window.Where(a => a.Problem || !(Ok(a.Status) || a.Status == 503)).ToList();

        Console.WriteLine();
        Console.WriteLine(string.Create(Invariant,
            $"fault: cluster stopped {Seconds(fault.Down - fault.Stopped)} s after the stop was asked, down {Seconds(fault.StartAsked - fault.Down)} s, accepting connections {Seconds(fault.Up - fault.StartAsked)} s after the start"));
        if (firstFailure is null)
        {
            Console.WriteLine("fault: clients saw no failed answer at all");
            return false;
        }
        Console.WriteLine(string.Create(Invariant,
            $"fault: first failed answer {Seconds(firstFailure.At - fault.Stopped)} s after the stop; last failed answer {Seconds(lastFailure!.At - fault.Up)} s after the cluster was up again"));
        Console.WriteLine(recovered is null
            ? "fault: NOT RECOVERED — no successful answer after the last failure"
            : string.Create(Invariant, $"fault: recovered {Seconds(recovered.At - fault.Up)} s after the cluster was up ({Seconds(recovered.At - fault.StartAsked)} s after the start was asked)"));
        Console.WriteLine($"fault: {window.Count} answers from the stop to the last failure: " +
                          string.Join(", ", window.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{Status(g.Key)} ×{g.Count()}")));
        Console.WriteLine(unacceptable.Count == 0
            ? "fault: every failed answer was a 503 ProblemDetails (no 500, no leaked internals, no dropped connection)"
            : $"fault: {unacceptable.Count} UNACCEPTABLE answers during the outage: " +
              string.Join(", ", unacceptable.GroupBy(a => (a.Kind, a.Status)).Select(g => $"{g.Key.Kind} {Status(g.Key.Status)} ×{g.Count()}")));
        return unacceptable.Count > 0 || recovered is null;
    }

    public static void PrintProblems(IReadOnlyList<string> examples)
    {
        if (examples.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine("problems (first ten):");
        foreach (var example in examples) Console.WriteLine("  " + example);
    }

    /// <summary>True when a write was lost or half-applied.</summary>
    public static bool PrintConsistency(ConsistencyReport report)
    {
        Console.WriteLine();
        Console.WriteLine($"writes: {report.LearnersAcknowledged} learners created and {report.SkillWritesAcknowledged} skill replacements acknowledged; " +
                          $"{report.TaggedLearners} learners of this run in the database; {report.AppliedDespiteError} writes applied although the client got an error or no answer");
        Console.WriteLine(report.Problems.Count == 0
            ? "writes: consistent — every acknowledged write is in the database, none half-applied"
            : $"writes: {report.Problems.Count} INCONSISTENCIES:");
        foreach (var problem in report.Problems.Take(20)) Console.WriteLine("  " + problem);
        return report.Problems.Count > 0;
    }

    private static bool Ok(int status) => status is >= 200 and < 300;

    private static string Status(int status) => status == 0 ? "no answer" : status.ToString(Invariant);

    private static string Statuses(IReadOnlyDictionary<int, int> statuses) =>
        string.Join(", ", statuses.Where(s => !Ok(s.Key)).OrderBy(s => s.Key).Select(s => $"{Status(s.Key)}: {s.Value}")) is { Length: > 0 } text ? text : "-";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("F1", Invariant);
}
