using System.CommandLine;
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pgvector;
using SkillsMatch.Matching.Features;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Bench;

/// <summary>
/// <c>skillsmatch bench halfvec</c>: would 16-bit (<c>halfvec</c>) HNSW indexes on the learner and posting vectors hold
/// retrieval? A synthetic population (<see cref="SyntheticPopulation"/>: our own generated data) gets both a 32-bit and a
/// 16-bit (expression) HNSW index per table; for sampled queries in both directions, recall@20 of each against an exact
/// scan of the 32-bit vectors, and each index's build time and size.
/// </summary>
public static class HalfvecBench
{
    public static Command Create()
    {
        var learners = new Option<int>("--learners") { DefaultValueFactory = _ => 100_000 };
        var postings = new Option<int>("--postings") { DefaultValueFactory = _ => 20_000 };
        var queries = new Option<int>("--queries") { Description = "Queries per direction", DefaultValueFactory = _ => 200 };
        var command = new Command("halfvec", "Recall@20 of 32-bit and 16-bit (halfvec) HNSW indexes against exact search, build time and size.") { learners, postings, queries };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(learners) < 100 || parse.GetValue(postings) < 100 || parse.GetValue(queries) < 1)
                throw new CliException("--learners and --postings must be at least 100, --queries at least 1");
            var scratch = await ScratchDatabase.CreateAsync(await BenchCommands.ConnectionStringAsync(parse, ct), "bench_halfvec", ct);
            try
            {
                new Migrator(NullLogger<Migrator>.Instance).Migrate(scratch.ConnectionString);
                using var host = await CommandHost.StartAsync(scratch.ConnectionString, ct, CommandHost.AllCores);
                await host.Services.GetRequiredService<DefaultTaxonomy>().EnsureAsync(null, ct);
                await RunAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), parse.GetValue(learners), parse.GetValue(postings), parse.GetValue(queries), ct);
            }
            finally
            {
                await scratch.DropAsync();
            }
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(NpgsqlDataSource dataSource, int learnerCount, int postingCount, int queryCount, CancellationToken ct)
    {
        var store = new MatchingStore(dataSource);
        var taxonomyId = await new WorkingTaxonomy(new TaxonomyStore(dataSource)).GetIdAsync(ct);
        var population = new SyntheticPopulation(await store.LoadSkillGraphAsync(taxonomyId, ct), await store.LoadOccupationProfilesAsync(taxonomyId, ct), seed: 7);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync("DROP INDEX learners_embedding_hnsw; DROP INDEX job_postings_embedding_hnsw");
        await population.CopyLearnersAsync(conn, learnerCount, ct);
        await population.CopyPostingsAsync(conn, postingCount, ct);
        await conn.ExecuteAsync("SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 1");
        Console.WriteLine($"population: {learnerCount:N0} learners, {postingCount:N0} postings (synthetic); load average {LoadAverage()}");
        foreach (var table in new[] { "learners", "job_postings" })
        {
            await BuildAsync(conn, $"{table}_hnsw32", $"CREATE INDEX {table}_hnsw32 ON {table} USING hnsw (embedding vector_cosine_ops)", ct);
            await BuildAsync(conn, $"{table}_hnsw16", $"CREATE INDEX {table}_hnsw16 ON {table} USING hnsw ((embedding::halfvec(384)) halfvec_cosine_ops)", ct);
            await conn.ExecuteAsync(new CommandDefinition($"VACUUM ANALYZE {table}", commandTimeout: 1800, cancellationToken: ct));
        }
        await RecallAsync(conn, "job → learners", "job_postings", "learners", queryCount, ct);
        await RecallAsync(conn, "learner → postings", "learners", "job_postings", queryCount, ct);
    }

    private static async Task BuildAsync(NpgsqlConnection conn, string name, string sql, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await conn.ExecuteAsync(new CommandDefinition(sql, commandTimeout: 3600, cancellationToken: ct));
        var size = await conn.ExecuteScalarAsync<long>($"SELECT pg_relation_size('{name}')");
        Console.WriteLine($"{name,-22} built in {clock.Elapsed.TotalSeconds,6:F1} s, {size / 1024 / 1024,5} MB");
    }

    private static async Task RecallAsync(NpgsqlConnection conn, string name, string from, string to, int count, CancellationToken ct)
    {
        var queries = (await conn.QueryAsync<Vector>($"SELECT embedding FROM {from} WHERE embedding IS NOT NULL ORDER BY md5(id::text) LIMIT @count", new { count })).ToList();
        double full = 0, half = 0;
        foreach (var q in queries)
        {
            ct.ThrowIfCancellationRequested();
            await conn.ExecuteAsync("SET enable_indexscan = off");
            var exact = (await conn.QueryAsync<Guid>($"SELECT id FROM {to} ORDER BY embedding <=> @q LIMIT 20", new { q })).ToHashSet();
            await conn.ExecuteAsync("SET enable_indexscan = on; SET enable_seqscan = off; SET hnsw.ef_search = 100");
            var with32 = await conn.QueryAsync<Guid>($"SELECT id FROM {to} ORDER BY embedding <=> @q LIMIT 20", new { q });
            var with16 = await conn.QueryAsync<Guid>($"SELECT id FROM {to} ORDER BY embedding::halfvec(384) <=> @q::halfvec(384) LIMIT 20", new { q });
            await conn.ExecuteAsync("RESET enable_seqscan");
            full += with32.Count(exact.Contains) / (double)exact.Count;
            half += with16.Count(exact.Contains) / (double)exact.Count;
        }
        Console.WriteLine($"{name,-20} recall@20 against exact search ({queries.Count} queries, ef_search 100): vector HNSW {full / queries.Count:F3}, halfvec HNSW {half / queries.Count:F3}");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
