using System.CommandLine;
using System.Diagnostics;
using SkillsMatch.Matching.Placements;
using SkillsMatch.Matching.Plans;

namespace SkillsMatch.Bench;

/// <summary>
/// <c>skillsmatch bench placements</c> and <c>bench plans</c>: solve times of the two optimisation cores on
/// seeded random instances (no database), the first call (which loads OR-Tools' native library) apart.
/// </summary>
public static class MatchingBench
{
    public static Command Placements()
    {
        var learners = new Option<int>("--learners") { DefaultValueFactory = _ => 500 };
        var openings = new Option<int>("--openings") { DefaultValueFactory = _ => 200 };
        var density = new Option<double>("--density") { Description = "Share of (learner, opening) pairs with a fit", DefaultValueFactory = _ => 1.0 };
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 30 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 7 };
        var command = new Command("placements", "Cohort placement (max total fit) solve time on random cohorts.") { learners, openings, density, runs, seed };
        command.SetAction(parse =>
        {
            var random = new Random(parse.GetValue(seed));
            var (n, m, p) = (parse.GetValue(learners), parse.GetValue(openings), parse.GetValue(density));
            var instances = Enumerable.Range(0, parse.GetValue(runs) + 1).Select(_ => RandomCohort(random, n, m, p)).ToList();
            var times = Time(instances, i => PlacementSolver.Solve(i.Learners, i.Openings, i.Fits), out var first, out var last);
            Console.WriteLine($"placements: {n} learners x {m} openings, {instances[0].Fits.Count} eligible pairs, capacities 1-3; " +
                              $"first call {first:F1} ms (loads OR-Tools); then {times.Count} runs: median {BenchCommands.Percentile(times, 50):F1} ms, " +
                              $"p95 {BenchCommands.Percentile(times, 95):F1} ms; last: {last.AssignedCount} placed, total fit {last.TotalFit:F1}, {last.Method}");
            return 0;
        });
        return command;
    }

    public static Command Plans()
    {
        var gaps = new Option<int>("--gaps") { DefaultValueFactory = _ => 12 };
        var offerings = new Option<int>("--offerings") { Description = "Offerings teaching some gap (before dominance pruning)", DefaultValueFactory = _ => 25 };
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 30 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 7 };
        var command = new Command("plans", "Fastest and cheapest microcredential plan solve time on random catalogs.") { gaps, offerings, runs, seed };
        command.SetAction(parse =>
        {
            var random = new Random(parse.GetValue(seed));
            var instances = Enumerable.Range(0, parse.GetValue(runs) + 1).Select(_ => RandomCatalog(random, parse.GetValue(gaps), parse.GetValue(offerings))).ToList();
            var times = Time(instances, i => GapPlanner.Plan(i.Gaps, i.Offerings), out var first, out var last);
            Console.WriteLine($"plans: {parse.GetValue(gaps)} gaps, {parse.GetValue(offerings)} offerings ({last.CandidateOfferings} after pruning in the last run); " +
                              $"first call {first:F1} ms; then {times.Count} runs (both plans): median {BenchCommands.Percentile(times, 50):F1} ms, " +
                              $"p95 {BenchCommands.Percentile(times, 95):F1} ms; last fastest: {last.Fastest.Summary} ({last.Fastest.Method}, optimal {last.Fastest.ProvenOptimal})");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Wall-clock times per solve; the process CPU time is printed beside them because on a shared, loaded
    /// machine the wall clock mostly measures waiting for a core.
    /// </summary>
    private static List<double> Time<TInstance, TResult>(List<TInstance> instances, Func<TInstance, TResult> solve, out double firstMs, out TResult last)
    {
        var watch = Stopwatch.StartNew();
        last = solve(instances[0]);
        firstMs = watch.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        foreach (var instance in instances.Skip(1))
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            watch.Restart();
            last = solve(instance);
            times.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        Console.WriteLine($"process CPU time per solve: median {BenchCommands.Percentile(cpu, 50):F1} ms, p95 {BenchCommands.Percentile(cpu, 95):F1} ms " +
                          $"(load average {LoadAverage()} on {Environment.ProcessorCount} cores)");
        return times;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static (List<Guid> Learners, List<Opening> Openings, Dictionary<(Guid, Guid), double> Fits) RandomCohort(Random random, int n, int m, double density)
    {
        var learners = Enumerable.Range(0, n).Select(_ => NewGuid(random)).ToList();
        var openings = Enumerable.Range(0, m).Select(_ => new Opening(NewGuid(random), random.Next(1, 4))).ToList();
        var fits = new Dictionary<(Guid, Guid), double>();
        foreach (var l in learners)
            foreach (var o in openings)
                if (random.NextDouble() < density) fits[(l, o.JobId)] = Math.Round(random.NextDouble() * 100, 2);
        return (learners, openings, fits);
    }

    private static (List<SkillGap> Gaps, List<PlanOffering> Offerings) RandomCatalog(Random random, int gapCount, int offeringCount)
    {
        var gaps = Enumerable.Range(1, gapCount).Select(i => new SkillGap(i, $"skill {i}", Math.Round(random.NextDouble(), 2), random.Next(3) == 0)).ToList();
        var offerings = Enumerable.Range(0, offeringCount).Select(o => new PlanOffering(
            $"o{o}", $"Offering {o}", "Provider", random.Next(4, 120), random.Next(0, 40) * 25m,
            [.. Enumerable.Range(1, gapCount).Where(_ => random.Next(4) == 0).DefaultIfEmpty(random.Next(1, gapCount + 1)).Select(s => new TaughtSkill(s, 0.9))],
            "online", "en", null, "accredited")).ToList();
        return (gaps, offerings);
    }

    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
