using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SkillsMatch.Cli;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Matching.Evaluation;

/// <summary>
/// <c>eval ranking</c> end to end on a slice of data/eval/ranking-gold (two postings, seven learners), on a database of
/// its own (the set registers the demo issuers). The shipped taxonomy goes in without vectors, so extraction is lexical
/// and the test stays quick; the figures themselves are the full set's business (docs/evaluation.md).
/// </summary>
public sealed class RankingEvalCommandTests : IAsyncLifetime
{
    private static readonly string[] Postings = ["gold-p13", "gold-p21"];
    private static readonly string[] Learners = ["l27", "l28", "l67", "l44", "l84", "l47", "l36"];

    private string connection = "";
    private DirectoryInfo folder = null!;

    public async Task InitializeAsync()
    {
        connection = await TestDatabase.CreateEmptyDatabaseAsync();
        new Migrator(NullLogger<Migrator>.Instance).Migrate(connection);
        await using var dataSource = Database.CreateDataSource(connection);
        await new DefaultTaxonomy(dataSource, NullLogger<DefaultTaxonomy>.Instance).EnsureAsync(null, CancellationToken.None);
        folder = Directory.CreateTempSubdirectory("ranking-gold-");
        await WriteSliceAsync();
    }

    public async Task DisposeAsync()
    {
        folder.Delete(recursive: true);
        await TestDatabase.DropDatabaseAsync(connection);
    }

    [Fact]
    public async Task Scores_the_graded_pairs_with_three_methods_reports_kappa_and_keeps_the_set_out_of_sight()
    {
        var first = await RunAsync(["eval", "ranking", "--gold", folder.FullName, "--grades", "grades-a.csv", "--connection", connection]);
        var second = await RunAsync(["eval", "ranking", "--gold", folder.FullName, "--grades", "grades-a.csv", "--connection", connection]);

        Assert.Equal(0, first.Exit);
        Assert.Contains("2 postings, 7 learners, 7 graded pairs in grades-a.csv", first.Output);
        // grades-b differs on one pair by two grades: observed 6/7 alike.
        Assert.Contains("agreement grades-a.csv vs grades-b.csv: 7 pairs, 6 graded alike (1 more than one grade apart)", first.Output);
        Assert.Contains("7 new learners", first.Output);
        foreach (var method in (string[])["learned ranker", "essential coverage", "profile similarity"])
        {
            var line = first.Output.Split('\n').Single(l => l.StartsWith(method, StringComparison.Ordinal));
            var figures = line[method.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3).Select(double.Parse).ToArray();
            Assert.All(figures[..2], ndcg => Assert.InRange(ndcg, 0, 1));
            Assert.InRange(figures[2], -1, 1);
        }
        // A second run finds everything stored and gives the same figures.
        Assert.Equal(0, second.Exit);
        Assert.Contains("0 new learners", second.Output);
        Assert.Equal(Figures(first.Output), Figures(second.Output));

        await using var conn = new NpgsqlConnection(connection);
        Assert.Equal(7, await conn.QuerySingleAsync<int>("SELECT count(*) FROM learners WHERE external_ref LIKE 'demo-gold-%' AND NOT visible_to_employers"));
        Assert.Equal(0, await conn.QuerySingleAsync<int>("SELECT count(*) FROM learners WHERE visible_to_employers"));
        Assert.Equal(["closed", "closed"], await conn.QueryAsync<string>("SELECT status FROM job_postings WHERE external_id = ANY(@Postings)", new { Postings }));
    }

    [Fact]
    public async Task A_grade_naming_a_learner_the_set_lacks_is_refused_before_the_database_is_touched()
    {
        await File.AppendAllTextAsync(Path.Combine(folder.FullName, "grades-a.csv"), "gp999,l999,gold-p13,2,\n");

        var run = await RunAsync(["eval", "ranking", "--gold", folder.FullName, "--grades", "grades-a.csv", "--connection", connection]);

        Assert.Equal(1, run.Exit);
        await using var conn = new NpgsqlConnection(connection);
        Assert.Equal(0, await conn.QuerySingleAsync<int>("SELECT count(*) FROM learners"));
    }

    private static string Figures(string output) =>
        string.Join("\n", output.Split('\n').Where(l => l.StartsWith("learned ranker", StringComparison.Ordinal) || l.StartsWith("essential", StringComparison.Ordinal)
            || l.StartsWith("profile similarity", StringComparison.Ordinal)));

    /// <summary>The slice's postings and learners as committed; grader A's grades for its pairs, and a grader B who differs once.</summary>
    private async Task WriteSliceAsync()
    {
        var gold = RepositoryFiles.Find("data", "eval", "ranking-gold")!;
        var postings = (await File.ReadAllLinesAsync(Path.Combine(gold, "postings.jsonl")))
            .Where(l => Postings.Contains((string?)JsonNode.Parse(l)!["identifier"]!["value"]));
        var learners = (await File.ReadAllLinesAsync(Path.Combine(gold, "learners.jsonl"))).Where(l => Learners.Contains((string?)JsonNode.Parse(l)!["key"]));
        var grades = (await File.ReadAllLinesAsync(Path.Combine(gold, "grades-a.csv"))).Skip(1)
            .Where(l => l.Split(',') is var f && Learners.Contains(f[1]) && Postings.Contains(f[2])).ToList();
        Assert.Equal(7, grades.Count);
        await File.WriteAllLinesAsync(Path.Combine(folder.FullName, "postings.jsonl"), postings);
        await File.WriteAllLinesAsync(Path.Combine(folder.FullName, "learners.jsonl"), learners);
        await File.WriteAllLinesAsync(Path.Combine(folder.FullName, "grades-a.csv"), ["pair_id,learner_id,posting_id,grade,note", .. grades]);
        // Grader B: the same, except the solar installer (grade 3) is given 1.
        var b = grades.Select(l => l.Split(',') is var f && f[1] == "l27" ? $"{f[0]},{f[1]},{f[2]},1," : string.Join(',', l.Split(',').Take(4)) + ",");
        await File.WriteAllLinesAsync(Path.Combine(folder.FullName, "grades-b.csv"), ["pair_id,learner_id,posting_id,grade,note", .. b]);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string[] args)
    {
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            return (await SkillsMatchCli.RunAsync(args), output.ToString());
        }
        finally
        {
            Console.SetOut(console);
        }
    }
}
