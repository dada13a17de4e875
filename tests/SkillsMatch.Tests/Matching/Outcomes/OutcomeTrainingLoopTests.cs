using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Access;
using SkillsMatch.Cli;
using SkillsMatch.Learners;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Outcomes;
using SkillsMatch.Matching.Ranking;
using SkillsMatch.Matching.Retrieval;
using SkillsMatch.Matching.Training;
using SkillsMatch.Tests.Matching.Ranking;
using SkillsMatch.Tests.Support;
using Xunit.Abstractions;

namespace SkillsMatch.Tests.Matching.Outcomes;

/// <summary>
/// Issue 18, item 7: a population whose employers hire on something the weak labels underweight — every candidate holds
/// all four required skills; those with recent (attested) evidence are hired, those with six-year-old (credential-verified)
/// evidence rejected — goes through the loop: outcomes recorded over HTTP, <c>skillsmatch ranker train --outcomes</c>,
/// and the new ranker orders those postings' candidates more like the outcomes than the committed one did, with its
/// monotone shapes and similarity bound intact.
/// </summary>
public sealed class OutcomeTrainingLoopTests(MatchingScenario s, ITestOutputHelper output) : IClassFixture<MatchingScenario>
{
    private static readonly string[] SkillsOnly = ["skills"];

    private const int Postings = 8, PerPosting = 6;

    [Fact]
    public async Task Recorded_outcomes_move_the_ranker_toward_them()
    {
        var key = await s.Api.CreateKeyAsync(Role.Employer);
        using var employer = s.Api.ClientWith(key.Secret);
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var postings = new List<Guid>();
        for (var p = 0; p < Postings; p++)
        {
            var posting = await s.PostingAsync($"Loop Analyst {p} {Guid.NewGuid():N}", [.. MatchingScenario.Essential.Select(x => (x, "required"))]);
            await using (var conn = await dataSource.OpenConnectionAsync())
                await conn.ExecuteAsync("UPDATE job_postings SET owner = @owner WHERE id = @posting", new { owner = key.Key.Subject, posting });
            postings.Add(posting);
            for (var c = 0; c < PerPosting; c++)
            {
                var recent = c % 2 == 0;
                var learner = await LearnerAsync(recent);
                (await employer.PostAsJsonAsync("/outcomes", new { learner, posting, stage = recent ? "hired" : "rejected" })).EnsureSuccessStatusCode();
            }
        }

        var model = Path.Combine(Path.GetTempPath(), $"ranker-outcomes-{Guid.NewGuid():N}.zip");
        try
        {
            // The command's report (NDCG on weak labels and on outcomes, ranker and baselines) goes to this test's output.
            var printed = new StringWriter();
            var console = Console.Out;
            Console.SetOut(printed);
            int exit;
            try
            {
                exit = await SkillsMatchCli.RunAsync(["ranker", "train", "--outcomes", "--taxonomy", "skillsmatch", "--out", model, "--seed", "3",
                    "--connection", await TestDatabase.ConnectionStringAsync()]);
            }
            finally
            {
                Console.SetOut(console);
            }
            output.WriteLine(printed.ToString());
            Assert.Equal(0, exit);
            var trained = MatchScorer.Load(model);
            Assert.True(trained.Card.Outcomes >= Postings * PerPosting, $"card: {trained.Card}");
            Assert.True(trained.Card.OutcomePostings >= Postings);
            Assert.NotNull(trained.Card.OutcomeLabels);

            var services = s.Api.Services;
            var graph = await services.GetRequiredService<SkillGraphCache>().GetAsync(CancellationToken.None);
            var mine = postings.Select(p => $"outcome:{p}").ToHashSet();
            var examples = (await OutcomeSupervision.LoadAsync(services.GetRequiredService<OutcomeStore>(), services.GetRequiredService<MatchInputsStore>(),
                graph, DateTimeOffset.UtcNow, CancellationToken.None)).Select(o => o.Example).Where(e => mine.Contains(e.Group)).ToList();
            Assert.Equal(Postings * PerPosting, examples.Count);

            var before = RankerEvaluation.Of(CommittedRanker.Scorer, examples);
            var after = RankerEvaluation.Of(trained, examples);
            var recency = (int)MatchFeature.RecentRequiredCoverage;
            output.WriteLine($"NDCG@5 on the loop's outcomes: committed {before.Learned.At5:F4}, retrained {after.Learned.At5:F4}; " +
                             $"recency worth {CommittedRanker.Scorer.Shapes[recency].Maximum:F1} → {trained.Shapes[recency].Maximum:F1} points");
            Assert.True(after.Learned.At5 > before.Learned.At5, $"committed {before.Learned.At5:F4}, retrained {after.Learned.At5:F4}");
            Assert.True(trained.Shapes[recency].Maximum > CommittedRanker.Scorer.Shapes[recency].Maximum);
            Assert.All(trained.Shapes, shape => Assert.True(shape.IsStrictlyIncreasingFromZero));
            Assert.InRange(trained.SimilarityBound, 0, 10 + 1e-9);
        }
        finally
        {
            File.Delete(model);
        }
    }

    /// <summary>A consenting learner holding the four required skills: attested and recent, or credential-verified six years ago.</summary>
    private async Task<Guid> LearnerAsync(bool recent)
    {
        var created = await s.Admin.PostAsJsonAsync("/learners", new
        {
            displayName = recent ? "Loop recent" : "Loop seasoned", region = "Nunavut", consent = new { visibleToEmployers = true, parts = SkillsOnly },
        });
        var id = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO learner_skill_evidence (learner_id, skill_id, tier, source, confidence, level, detail, evidenced_at)
            SELECT @id, skill, @tier, 'credential-alignment', 1, 'intermediate', 'Analytics certificate', now() - @age
              FROM unnest(@ids) AS skill
            """, new { id, tier = (short)(recent ? 3 : 4), age = recent ? TimeSpan.FromDays(20) : TimeSpan.FromDays(6 * 365), ids = MatchingScenario.Essential.Select(x => s.Skills[x]).ToArray() }, tx);
        await s.Api.Services.GetRequiredService<LearnerSkillSummary>().RefreshSkillSummaryAsync(conn, tx, id, CancellationToken.None);
        await tx.CommitAsync();
        return id;
    }
}
