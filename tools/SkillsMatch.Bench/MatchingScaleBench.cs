using System.CommandLine;
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using SkillsMatch.Matching;
using SkillsMatch.Matching.Explanation;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Plans;
using SkillsMatch.Matching.Ranking;
using SkillsMatch.Matching.Retrieval;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Bench;

/// <summary>
/// <c>skillsmatch bench matching</c>: a synthetic population (default 100k learners, 20k postings) written with binary
/// COPY into a scratch database, indexes built, then 1,000 queries of each view timed through the same
/// views the API uses (<see cref="RolesForLearner"/>, <see cref="CandidatesForRole"/>, <see cref="GapsForLearner"/>: retrieval, re-ranking and
/// explanations included).
/// </summary>
public static class MatchingScaleBench
{

    public static Command Create()
    {
        var learners = new Option<int>("--learners") { DefaultValueFactory = _ => 100_000 };
        var postings = new Option<int>("--postings") { DefaultValueFactory = _ => 20_000 };
        var queries = new Option<int>("--queries") { Description = "Queries per view", DefaultValueFactory = _ => 1_000 };
        var keep = new Option<bool>("--keep") { Description = "Keep the scratch database" };
        var existing = new Option<string?>("--existing") { Description = "Connection string of a database kept by an earlier --keep run: time the queries only" };
        var command = new Command("matching", "Synthetic learners and postings, then p50/p95/p99 and throughput of every matching view.")
            { learners, postings, queries, keep, existing };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(existing) is { } kept)
            {
                await TimeQueriesAsync(kept, parse.GetValue(queries), ct);
                return 0;
            }
            var server = await BenchCommands.ConnectionStringAsync(parse, ct);
            var scratch = await ScratchDatabase.CreateAsync(server, "bench_matching", ct);
            try
            {
                await RunAsync(scratch.ConnectionString, parse.GetValue(learners), parse.GetValue(postings), parse.GetValue(queries), ct);
            }
            finally
            {
                if (!parse.GetValue(keep)) await scratch.DropAsync();
                else Console.WriteLine($"kept database: {scratch.ConnectionString}");
            }
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(string connectionString, int learnerCount, int postingCount, int queryCount, CancellationToken ct)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}");
        new Migrator(NullLogger<Migrator>.Instance).Migrate(connectionString);
        using var host = await CommandHost.StartAsync(connectionString, ct, CommandHost.AllCores);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        await host.Services.GetRequiredService<DefaultTaxonomy>().EnsureAsync(null, ct);

        var taxonomies = new TaxonomyStore(dataSource);
        var working = new WorkingTaxonomy(taxonomies);
        var store = new MatchingStore(dataSource);
        var taxonomyId = await working.GetIdAsync(ct);
        var graph = await store.LoadSkillGraphAsync(taxonomyId, ct);
        var profiles = await store.LoadOccupationProfilesAsync(taxonomyId, ct);
        var population = new SyntheticPopulation(graph, profiles, seed: 7);

        var clock = Stopwatch.StartNew();
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
        {
            await conn.ExecuteAsync("DROP INDEX learners_embedding_hnsw; DROP INDEX job_postings_embedding_hnsw; DROP INDEX learners_skill_ids_gin; DROP INDEX job_postings_skill_ids");
            await population.CopyLearnersAsync(conn, learnerCount, ct);
            await population.CopyPostingsAsync(conn, postingCount, ct);
        }
        var copySeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
            await conn.ExecuteAsync(new CommandDefinition("""
                SET maintenance_work_mem = '1GB';
                SET max_parallel_maintenance_workers = 1;
                CREATE INDEX learners_embedding_hnsw ON learners USING hnsw (embedding vector_cosine_ops);
                CREATE INDEX job_postings_embedding_hnsw ON job_postings USING hnsw (embedding vector_cosine_ops);
                CREATE INDEX learners_skill_ids_gin ON learners USING gin (skill_ids);
                CREATE INDEX job_postings_skill_ids ON job_postings USING gin (skill_ids);
                
                """, commandTimeout: 1800, cancellationToken: ct));
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
            // VACUUM (not in a transaction, so one statement per command) sets the visibility map index-only scans need.
            foreach (var table in new[] { "learners", "learner_skill_evidence", "job_postings", "job_posting_skills" })
                await conn.ExecuteAsync(new CommandDefinition($"VACUUM ANALYZE {table}", commandTimeout: 1800, cancellationToken: ct));
        Console.WriteLine($"population: {learnerCount:N0} learners, {postingCount:N0} postings written by binary COPY in {copySeconds:F1} s; indexes built in {clock.Elapsed.TotalSeconds:F1} s");
        await TimeQueriesAsync(connectionString, queryCount, ct);
    }

    private static async Task TimeQueriesAsync(string connectionString, int queryCount, CancellationToken ct)
    {
        await using var dataSource = Database.CreateDataSource(connectionString);
        var taxonomies = new TaxonomyStore(dataSource);
        var working = new WorkingTaxonomy(taxonomies);
        var store = new MatchingStore(dataSource);
        var profiles = await store.LoadOccupationProfilesAsync(await working.GetIdAsync(ct), ct);
        var scorer = MatchScorer.Load(MatchScorer.DefaultModelPath ?? throw new CliException("models/ranker.zip not found"));
        var inputs = new MatchInputsStore(dataSource, taxonomies);
        var retrieval = new MatchRetrieval(dataSource);
        var explainer = new MatchExplainer(dataSource, taxonomies);
        var graphs = new SkillGraphCache(store, taxonomies, working);
        var top = new TopMatches(graphs, scorer, explainer, TimeProvider.System);
        var roles = new RolesForLearner(inputs, retrieval, top);
        var candidates = new CandidatesForRole(inputs, retrieval, top, graphs);
        var gaps = new GapsForLearner(inputs, new GapStore(dataSource), graphs, explainer, TimeProvider.System);
        var learnerIds = await SampleIdsAsync(dataSource, "learners", queryCount, ct);
        var postingIds = await SampleIdsAsync(dataSource, "job_postings", queryCount, ct);
        var random = new Random(11);

        await TimeAsync("learner → roles top-20", queryCount, i => roles.FindAsync(learnerIds[i % learnerIds.Count], new RoleFilter(), 20, ct), ct);
        await TimeAsync("learner → roles top-20, region CA-ON + remote", queryCount, i => roles.FindAsync(learnerIds[i % learnerIds.Count], new RoleFilter("CA-ON"), 20, ct), ct);
        // The API remembers a learner's matches until something they depend on changes (RoleMatchCache): a repeat visit.
        using var remembered = new RoleMatchCache(dataSource, taxonomies);
        var remembering = new RolesForLearner(inputs, retrieval, top, remembered);
        var repeated = Math.Min(queryCount, 200);
        for (var i = 0; i < repeated; i++) await remembering.FindAsync(learnerIds[i], new RoleFilter(), 20, ct);
        await TimeAsync("learner → roles top-20, repeat visit (remembered)", queryCount, i => remembering.FindAsync(learnerIds[i % repeated], new RoleFilter(), 20, ct), ct);
        await TimeAsync("job → candidates top-20", queryCount, i => candidates.ForPostingAsync(postingIds[i % postingIds.Count], new CandidateFilter(RequireAll: false), 20, ct), ct);
        await TimeAsync("candidate search 3 skills, credential-verified, top-20", queryCount, i =>
        {
            var profile = profiles[random.Next(profiles.Count)];
            var skills = profile.Skills.OrderBy(_ => random.Next()).Take(3).Select(s => s.SkillId).ToList();
            return candidates.ForSkillsAsync(skills, new CandidateFilter(MinTier: SkillsMatch.Learners.EvidenceTier.CredentialVerified, RequireAll: false), 20, ct);
        }, ct);
        await TimeAsync("gaps toward a posting, with plans", Math.Min(queryCount, 300), i =>
            gaps.FindAsync(learnerIds[i % learnerIds.Count], new GapTarget(null, postingIds[i % postingIds.Count]), new GapPlanOptions(), ct), ct);
        await ReportRecallAsync(dataSource, learnerIds.Take(100).ToList(), ct);
        Console.WriteLine($"peak memory (this process): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
    }

    private static async Task TimeAsync<T>(string name, int count, Func<int, Task<T>> query, CancellationToken ct)
    {
        // Unmeasured first: 100 queries get the code through tiered compilation, which would otherwise slow the first view timed.
        for (var i = 0; i < Math.Min(100, count); i++) await query(count - 1 - i);
        var timings = new List<double>(count);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            await query(i);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"{name,-55} n={count,5}  p50 {BenchCommands.Percentile(timings, 50),6:F1} ms  p95 {BenchCommands.Percentile(timings, 95),6:F1} ms  " +
                          $"p99 {BenchCommands.Percentile(timings, 99),6:F1} ms  {count / total.Elapsed.TotalSeconds,6:F1} queries/s (one client)");
    }

    /// <summary>Recall@100 of the HNSW branch against an exact scan, for postings near each sampled learner (open postings filter on).</summary>
    private static async Task ReportRecallAsync(NpgsqlDataSource dataSource, List<Guid> learners, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var recalls = new List<double>();
        const string Nearest = """
            SELECT p.id FROM job_postings p, learners l
             WHERE l.id = @learner AND p.status = 'open' AND p.embedding IS NOT NULL
             ORDER BY p.embedding <=> l.embedding LIMIT 100
            """;
        foreach (var learner in learners)
        {
            await conn.ExecuteAsync("SET hnsw.iterative_scan = relaxed_order; SET hnsw.ef_search = 100; SET enable_indexscan = on");
            var approximate = (await conn.QueryAsync<Guid>(Nearest, new { learner })).ToHashSet();
            await conn.ExecuteAsync("SET enable_indexscan = off");
            var exact = (await conn.QueryAsync<Guid>(Nearest, new { learner })).ToList();
            recalls.Add(exact.Count == 0 ? 1 : exact.Count(approximate.Contains) / (double)exact.Count);
        }
        await conn.ExecuteAsync("SET enable_indexscan = on");
        Console.WriteLine($"retrieval recall@100 of HNSW vs exact search (learner → open postings, {learners.Count} learners): mean {recalls.Average():P1}, min {recalls.Min():P1}");
    }

    private static async Task<List<Guid>> SampleIdsAsync(NpgsqlDataSource dataSource, string table, int count, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Guid>(new CommandDefinition($"SELECT id FROM {table} ORDER BY md5(id::text) LIMIT @count", new { count }, cancellationToken: ct))).ToList();
    }
}
