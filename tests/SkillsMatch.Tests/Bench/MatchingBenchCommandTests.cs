using SkillsMatch.Cli;

namespace SkillsMatch.Tests.Bench;

public sealed class MatchingBenchCommandTests
{
    [Fact]
    public async Task Bench_placements_and_plans_run_through_the_cli_with_ortools_loaded()
    {
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.Equal(0, await SkillsMatchCli.RunAsync(["bench", "placements", "--learners", "20", "--openings", "5", "--runs", "2"]));
            Assert.Equal(0, await SkillsMatchCli.RunAsync(["bench", "plans", "--gaps", "6", "--offerings", "8", "--runs", "2"]));
        }
        finally
        {
            Console.SetOut(console);
        }
        Assert.Contains("placements: 20 learners x 5 openings", output.ToString());
        Assert.Contains("(CpSat, optimal True)", output.ToString());
    }
}
