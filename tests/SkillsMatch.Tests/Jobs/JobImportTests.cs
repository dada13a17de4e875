using Dapper;
using Npgsql;
using SkillsMatch.Extraction;
using SkillsMatch.Jobs;
using SkillsMatch.Occupations;
using SkillsMatch.Taxonomy;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Jobs;

public sealed class JobImportTests : IAsyncLifetime, IDisposable
{
    private readonly string prefix = "imp" + Guid.NewGuid().ToString("N")[..8];
    private NpgsqlDataSource dataSource = null!;
    private ExtractionModels models = null!;
    private OccupationClassifier classifier = null!;
    private JobImport import = null!;
    private JobPipeline pipeline = null!;

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        dataSource = await TestDatabase.MigratedDataSourceAsync();
        var store = new TaxonomyStore(dataSource);
        models = new ExtractionModels(new ExtractionStore(dataSource), store);
        classifier = new OccupationClassifier(store, SharedModel.Generator);
        pipeline = new JobPipeline(new SkillExtractor(models, SharedModel.Extraction), classifier, new WorkingTaxonomy(store), SharedModel.Generator);
        import = new JobImport(pipeline, new JobPostingWriter(dataSource), new ImportCheckpointStore(dataSource));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        models.Dispose();
        classifier.Dispose();
    }

    /// <summary>The fixture with identifiers unique to this test, so tests sharing the database never see each other's postings.</summary>
    private string Fixture(string name)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Jobs", "Fixtures", name))
            .Replace("fixture", prefix, StringComparison.Ordinal).Replace("csv-", prefix + "-csv-", StringComparison.Ordinal);
        var path = Path.Combine(Directory.CreateTempSubdirectory("skillsmatch-jobs-").FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<List<(string ExternalId, Guid Id, int Skills, int Occupations, bool Embedded)>> StoredAsync()
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        return (await conn.QueryAsync<(string, Guid, int, int, bool)>("""
            SELECT external_id, id, cardinality(skill_ids), cardinality(occupation_ids), embedding IS NOT NULL
              FROM job_postings WHERE external_id LIKE @p ORDER BY external_id
            """, new { p = prefix + "%" })).ToList();
    }

    [Fact]
    public async Task Json_lines_bad_rows_are_reported_by_line_and_good_rows_kept()
    {
        var result = await import.RunAsync(Fixture("postings.jsonl"), new JobImportOptions(), CancellationToken.None);

        Assert.Equal(6, result.Read);
        Assert.Equal(3, result.Created);
        Assert.Equal([2, 4, 5], result.Errors.Select(e => e.Line));
        Assert.Contains(result.Errors[0].Errors, e => e.Field == "title");
        Assert.Contains(result.Errors[2].Errors, e => e.Field == "datePosted");
        Assert.Contains(result.Errors[2].Errors, e => e.Field == "baseSalary.value.minValue");
        var stored = await StoredAsync();
        Assert.Equal([$"{prefix}:AZ-1", $"{prefix}:DA-1", $"{prefix}:RN-1"], stored.Select(s => s.ExternalId));
        Assert.All(stored, s => Assert.True(s.Skills > 0 && s.Occupations == 3 && s.Embedded, $"{s.ExternalId}: {s}"));
    }

    [Fact]
    public async Task Csv_rows_with_errors_are_reported_by_line_and_others_imported()
    {
        var result = await import.RunAsync(Fixture("postings.csv"), new JobImportOptions { IsDemo = true }, CancellationToken.None);

        Assert.Equal([4, 5, 6], result.Errors.Select(e => e.Line));
        Assert.Contains(result.Errors[1].Errors, e => e.Message.Contains("above maxValue", StringComparison.Ordinal));
        Assert.Contains(result.Errors[2].Errors, e => e.Field == "jobLocation.address.addressRegion");
        await using var conn = await dataSource.OpenConnectionAsync();
        var cook = await conn.QuerySingleAsync<(string Region, decimal SalaryMin, string Unit, int Months, bool IsDemo, string[] Types)>("""
            SELECT region, salary_min, salary_unit, experience_months, is_demo, employment_type FROM job_postings WHERE external_id = @id
            """, new { id = $"{prefix}-csv-1" });
        Assert.Equal(("CA-BC", 18.50m, "HOUR", 12, true), (cook.Region, cook.SalaryMin, cook.Unit, cook.Months, cook.IsDemo));
        Assert.Equal(["FULL_TIME", "PART_TIME"], cook.Types);
    }

    [Fact]
    public async Task Reimport_updates_in_place_and_keeps_the_employers_skill_edits()
    {
        var path = Fixture("postings.jsonl");
        await import.RunAsync(path, new JobImportOptions(), CancellationToken.None);
        var before = await StoredAsync();
        var analyst = before.Single(s => s.ExternalId.EndsWith("DA-1", StringComparison.Ordinal)).Id;
        var jobs = new JobPostingStore(dataSource);
        var sql = (await jobs.GetAsync(analyst, CancellationToken.None))!.Skills.Single(s => s.ExternalId == "sql").SkillId;
        await jobs.EditSkillsAsync(analyst, [new SkillEdit(sql, null, null, null, Remove: true)], CancellationToken.None);

        var again = await import.RunAsync(path, new JobImportOptions { Resume = false }, CancellationToken.None);

        Assert.Equal((0, 3), (again.Created, again.Updated));
        var after = await StoredAsync();
        Assert.Equal(before.Select(s => (s.ExternalId, s.Id)), after.Select(s => (s.ExternalId, s.Id)));
        var view = (await jobs.GetAsync(analyst, CancellationToken.None))!;
        Assert.True(view.Skills.Single(s => s.SkillId == sql).RemovedByEmployer);
        await using var conn = await dataSource.OpenConnectionAsync();
        var skillIds = await conn.QuerySingleAsync<long[]>("SELECT skill_ids FROM job_postings WHERE id = @analyst", new { analyst });
        Assert.DoesNotContain(sql, skillIds);
    }

    [Fact]
    public async Task A_cancelled_import_resumes_after_its_last_stored_batch_and_stores_each_posting_once()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("skillsmatch-jobs-").FullName, "feed.jsonl");
        var lines = Enumerable.Range(1, 12).Select(i => i == 8
            ? """{"@type":"JobPosting","identifier":"broken","description":"no title"}"""
            // In Yukon and far from the browser tests' data analyst: the suite's other tests share this database.
            : System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["@type"] = "JobPosting", ["identifier"] = $"{prefix}-{i:D2}", ["title"] = i % 2 == 0 ? "Forklift Operator" : "Line Cook",
                ["description"] = $"Shift {i}: operate a forklift in the warehouse, or prepare meals on the grill for table {i}.",
                ["jobLocation"] = new { address = new { addressRegion = "YT", addressLocality = "Whitehorse" } },
            }));
        await File.WriteAllLinesAsync(path, lines);
        using var cancel = new CancellationTokenSource();
        var options = new JobImportOptions { BatchSize = 3, WorkBatchSize = 1, Workers = 2 };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => import.RunAsync(path,
            options with { Progress = new Synchronous(p => { if (p.Done > 0) cancel.Cancel(); }) }, cancel.Token));
        var first = (await StoredAsync()).Count;
        var rejected = new List<int>();
        var resumed = await import.RunAsync(path, options with { OnRejected = e => rejected.Add(e.Line) }, CancellationToken.None);
        var again = await import.RunAsync(path, options, CancellationToken.None);

        Assert.Equal(3, first);
        Assert.True(resumed.ResumedAfterLine >= 3, $"resumed after line {resumed.ResumedAfterLine}");
        Assert.Equal((11 - first, 0), (resumed.Created, resumed.Updated));
        Assert.Equal([8], rejected);
        Assert.Equal([8], resumed.Errors.Select(e => e.Line));
        Assert.Equal(Enumerable.Range(1, 12).Where(i => i != 8).Select(i => $"{prefix}-{i:D2}"), (await StoredAsync()).Select(s => s.ExternalId));
        Assert.Equal((0, 0, 0), (again.Read, again.Created, again.Updated));
    }

    /// <summary>Reports on the reporting thread (Progress&lt;T&gt; would post it later, after the next batch started).</summary>
    private sealed class Synchronous(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    [Fact]
    public async Task Reembed_recomputes_the_vectors_of_another_model_and_leaves_current_ones()
    {
        await import.RunAsync(Fixture("postings.jsonl"), new JobImportOptions(), CancellationToken.None);
        var analyst = (await StoredAsync()).Single(s => s.ExternalId.EndsWith("DA-1", StringComparison.Ordinal)).Id;
        await using var conn = await dataSource.OpenConnectionAsync();
        var imported = await conn.QuerySingleAsync<Pgvector.Vector>("SELECT embedding FROM job_postings WHERE id = @analyst", new { analyst });
        await conn.ExecuteAsync("""
            UPDATE job_postings SET embedding = array_fill(0.05, ARRAY[384])::vector, embedding_model = 'an-older-model' WHERE id = @analyst
            """, new { analyst });

        var refresh = new PostingVectorRefresh(dataSource, pipeline);
        var stale = await refresh.StaleAsync(CancellationToken.None);
        var done = await refresh.RunAsync(null, CancellationToken.None);

        Assert.True(stale >= 1 && done == stale, $"{stale} stale, {done} recomputed");
        Assert.Equal(0, await refresh.StaleAsync(CancellationToken.None));
        var (model, vector) = await conn.QuerySingleAsync<(string, Pgvector.Vector)>(
            "SELECT embedding_model, embedding FROM job_postings WHERE id = @analyst", new { analyst });
        Assert.Equal(pipeline.PostingVectorModel, model);
        Assert.True(System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(imported.ToArray(), vector.ToArray()) > 0.98,
            "the recomputed vector is the imported posting's own");
    }
}
