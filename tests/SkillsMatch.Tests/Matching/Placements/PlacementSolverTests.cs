using SkillsMatch.Matching.Placements;

namespace SkillsMatch.Tests.Matching.Placements;

[Trait("Category", "Unit")]
public sealed class PlacementSolverTests
{
    private static readonly Guid Ana = new("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Ben = new("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid Cam = new("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid Analyst = new("00000000-0000-0000-0000-00000000001a");
    private static readonly Guid Clerk = new("00000000-0000-0000-0000-00000000002c");

    [Fact]
    public void Maximises_total_fit_where_greedy_first_choice_would_not()
    {
        // Greedy gives Ana the analyst job (90) and Ben the clerk job (10): 100. Best: Ana clerk 80 + Ben analyst 85 = 165.
        var fits = new Dictionary<(Guid, Guid), double>
        {
            [(Ana, Analyst)] = 90, [(Ana, Clerk)] = 80,
            [(Ben, Analyst)] = 85, [(Ben, Clerk)] = 10,
            [(Cam, Analyst)] = 50,
        };

        var result = PlacementSolver.Solve([Ana, Ben, Cam], [new Opening(Analyst, 1), new Opening(Clerk, 1)], fits);

        Assert.Equal(165, result.TotalFit);
        Assert.Equal(Clerk, Placement(result, Ana).AssignedJobId);
        Assert.Equal(Analyst, Placement(result, Ben).AssignedJobId);
        Assert.Null(Placement(result, Cam).AssignedJobId);
        Assert.Equal([Analyst, Clerk], Placement(result, Ana).Options.Select(o => o.JobId));
        Assert.True(result.ProvenOptimal);
        Assert.Equal(2, result.AssignedCount);
    }

    [Fact]
    public void An_opening_with_capacity_two_takes_two_learners()
    {
        var fits = new Dictionary<(Guid, Guid), double> { [(Ana, Analyst)] = 70, [(Ben, Analyst)] = 60, [(Cam, Analyst)] = 50, [(Cam, Clerk)] = 20 };

        var result = PlacementSolver.Solve([Ana, Ben, Cam], [new Opening(Analyst, 2), new Opening(Clerk, 1)], fits);

        Assert.Equal(150, result.TotalFit);
        Assert.Equal([Analyst, Analyst, Clerk], result.Learners.Select(l => l.AssignedJobId!.Value));
    }

    [Fact]
    public void Ineligible_and_below_minimum_pairs_are_neither_offered_nor_assigned()
    {
        var fits = new Dictionary<(Guid, Guid), double> { [(Ana, Analyst)] = 40, [(Ana, Clerk)] = 75 };

        var result = PlacementSolver.Solve([Ana, Ben], [new Opening(Analyst, 1), new Opening(Clerk, 1)], fits, new PlacementOptions(MinFit: 50));

        Assert.Equal([Clerk], Placement(result, Ana).Options.Select(o => o.JobId));
        Assert.Equal(Clerk, Placement(result, Ana).AssignedJobId);
        Assert.Empty(Placement(result, Ben).Options);
        Assert.Null(Placement(result, Ben).AssignedJobId);
        Assert.Equal(75, result.TotalFit);
    }

    [Fact]
    public void Invalid_cohorts_are_rejected_with_what_is_wrong()
    {
        Assert.Contains("capacity", Assert.Throws<ArgumentException>(() => PlacementSolver.Solve([Ana], [new Opening(Analyst, 0)], new Dictionary<(Guid, Guid), double>())).Message);
        Assert.Contains("not in the cohort", Assert.Throws<ArgumentException>(() =>
            PlacementSolver.Solve([Ana], [new Opening(Analyst, 1)], new Dictionary<(Guid, Guid), double> { [(Ben, Analyst)] = 5 })).Message);
        Assert.Contains("outside 0–100", Assert.Throws<ArgumentException>(() =>
            PlacementSolver.Solve([Ana], [new Opening(Analyst, 1)], new Dictionary<(Guid, Guid), double> { [(Ana, Analyst)] = 101 })).Message);
    }

    [Fact]
    public void Assignments_are_optimal_against_brute_force_on_random_cohorts()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var learners = Enumerable.Range(0, random.Next(1, 7)).Select(_ => Guid.NewGuid()).ToList();
            var openings = Enumerable.Range(0, random.Next(1, 4)).Select(_ => new Opening(Guid.NewGuid(), random.Next(1, 3))).ToList();
            var fits = new Dictionary<(Guid, Guid), double>();
            foreach (var l in learners)
                foreach (var o in openings.Where(_ => random.Next(10) < 6)) fits[(l, o.JobId)] = random.Next(0, 100) + random.Next(4) * 0.25;
            var minFit = random.Next(3) == 0 ? 40 : 0;

            var result = PlacementSolver.Solve(learners, openings, fits, new PlacementOptions(MinFit: minFit));

            var used = result.Learners.Where(p => p.AssignedJobId is not null).GroupBy(p => p.AssignedJobId!.Value).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(openings, o => Assert.True(used.GetValueOrDefault(o.JobId) <= o.Capacity, $"seed {seed}: over capacity"));
            Assert.All(result.Learners.Where(p => p.AssignedJobId is { } j), p => Assert.True(fits[(p.LearnerId, p.AssignedJobId!.Value)] >= minFit));
            Assert.Equal(BestTotal(learners, openings, fits, minFit, 0, []), result.TotalFit, 6);
        }
    }

    private static double BestTotal(List<Guid> learners, List<Opening> openings, Dictionary<(Guid, Guid), double> fits, double minFit, int next, Dictionary<Guid, int> used)
    {
        if (next == learners.Count) return 0;
        var best = BestTotal(learners, openings, fits, minFit, next + 1, used);
        foreach (var o in openings)
        {
            if (!fits.TryGetValue((learners[next], o.JobId), out var fit) || fit < minFit || used.GetValueOrDefault(o.JobId) >= o.Capacity) continue;
            used[o.JobId] = used.GetValueOrDefault(o.JobId) + 1;
            best = Math.Max(best, fit + BestTotal(learners, openings, fits, minFit, next + 1, used));
            used[o.JobId]--;
        }
        return best;
    }

    [Fact]
    public void An_unassigned_learner_is_told_why_below_the_minimum_or_out_placed()
    {
        var fits = new Dictionary<(Guid, Guid), double> { [(Ana, Analyst)] = 90, [(Ben, Analyst)] = 60, [(Cam, Analyst)] = 30, [(Cam, Clerk)] = 20 };

        var result = PlacementSolver.Solve([Ana, Ben, Cam], [new Opening(Analyst, 1), new Opening(Clerk, 1)], fits, new PlacementOptions(MinFit: 50));

        Assert.Null(Placement(result, Ana).Unassigned);
        var ben = Placement(result, Ben).Unassigned!;
        Assert.Equal(UnassignedReason.OpeningsFilled, ben.Code);
        Assert.Equal((Analyst, 60.0), (ben.JobId!.Value, ben.Fit!.Value));
        Assert.Equal([Ana], ben.TakenBy);
        var cam = Placement(result, Cam).Unassigned!;
        Assert.Equal(UnassignedReason.BelowMinimumFit, cam.Code);
        Assert.Equal((Analyst, 30.0), (cam.JobId!.Value, cam.Fit!.Value));
        Assert.Contains("minimum fit of 50", cam.Detail, StringComparison.Ordinal);
    }

    private static LearnerPlacement Placement(PlacementResult result, Guid learner) => result.Learners.Single(l => l.LearnerId == learner);
}
