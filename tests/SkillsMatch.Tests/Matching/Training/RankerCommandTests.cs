using SkillsMatch.Cli;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Ranking;
using SkillsMatch.Taxonomy;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Matching.Training;

public sealed class RankerCommandTests
{
    [Fact]
    public async Task Ranker_train_on_the_shipped_taxonomy_writes_a_small_model_that_beats_coverage_alone()
    {
        await ShippedTaxonomy.IdAsync();
        var connection = await TestDatabase.ConnectionStringAsync();
        var output = Path.Combine(Path.GetTempPath(), $"ranker-{Guid.NewGuid():N}.zip");
        try
        {
            // Exit 0 only when the learned ranker beats essential coverage alone on the held-out occupations (2 otherwise).
            var exit = await SkillsMatchCli.RunAsync(["ranker", "train", "--taxonomy", "skillsmatch", "--out", output, "--seed", "3", "--connection", connection]);

            Assert.Equal(0, exit);
            Assert.InRange(new FileInfo(output).Length, 1, 1024 * 1024 - 1);
            Assert.Single(MatchScorer.Load(output).RawScores([new MatchFeatures(new float[MatchFeatures.Count])]));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Ranker_train_refuses_a_taxonomy_with_too_few_occupations_and_an_unknown_one()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var import = TaxonomyFixture.Own();
        await new TaxonomyWriter(dataSource).WriteAsync(import);
        var connection = await TestDatabase.ConnectionStringAsync();
        var output = Path.Combine(Path.GetTempPath(), $"ranker-{Guid.NewGuid():N}.zip");

        Assert.Equal(1, await SkillsMatchCli.RunAsync(["ranker", "train", "--taxonomy", import.Info.Key, "--out", output, "--connection", connection]));
        Assert.Equal(1, await SkillsMatchCli.RunAsync(["ranker", "train", "--taxonomy", "no-such-taxonomy", "--out", output, "--connection", connection]));
        Assert.Equal(1, await SkillsMatchCli.RunAsync(["ranker", "train", "--outcomes", "--outcome-share", "0", "--out", output, "--connection", connection]));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void The_committed_model_is_small_and_matches_the_feature_order()
    {
        var path = MatchScorer.DefaultModelPath!;

        Assert.InRange(new FileInfo(path).Length, 1, 1024 * 1024 - 1);
        var scorer = MatchScorer.Load(path);
        Assert.All(scorer.Shapes, s => Assert.True(s.IsStrictlyIncreasingFromZero));
        Assert.NotNull(scorer.Card.WeakLabels);
    }
}
