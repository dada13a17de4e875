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

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        dataSource = await TestDatabase.MigratedDataSourceAsync();
        var store = new TaxonomyStore(dataSource);
        models = new ExtractionModels(new ExtractionStore(dataSource), store);
        classifier = new OccupationClassifier(store, SharedModel.Generator);
        var pipeline = new JobPipeline(new SkillExtractor(models, SharedModel.Extraction), classifier, new WorkingTaxonomy(store), SharedModel.Generator);
        import = new JobImport(pipeline, new JobPostingWriter(dataSource));
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
        var result = await import.RunAsync(Fixture("postings.jsonl"), isDemo: false, progress: null, CancellationToken.None);

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
        var result = await import.RunAsync(Fixture("postings.csv"), isDemo: true, progress: null, CancellationToken.None);

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
        await import.RunAsync(path, false, null, CancellationToken.None);
        var before = await StoredAsync();
        var analyst = before.Single(s => s.ExternalId.EndsWith("DA-1", StringComparison.Ordinal)).Id;
        var jobs = new JobPostingStore(dataSource);
        var sql = (await jobs.GetAsync(analyst, CancellationToken.None))!.Skills.Single(s => s.ExternalId == "sql").SkillId;
        await jobs.EditSkillsAsync(analyst, [new SkillEdit(sql, null, null, null, Remove: true)], CancellationToken.None);

        var again = await import.RunAsync(path, false, null, CancellationToken.None);

        Assert.Equal((0, 3), (again.Created, again.Updated));
        var after = await StoredAsync();
        Assert.Equal(before.Select(s => (s.ExternalId, s.Id)), after.Select(s => (s.ExternalId, s.Id)));
        var view = (await jobs.GetAsync(analyst, CancellationToken.None))!;
        Assert.True(view.Skills.Single(s => s.SkillId == sql).RemovedByEmployer);
        await using var conn = await dataSource.OpenConnectionAsync();
        var skillIds = await conn.QuerySingleAsync<long[]>("SELECT skill_ids FROM job_postings WHERE id = @analyst", new { analyst });
        Assert.DoesNotContain(sql, skillIds);
    }
}
