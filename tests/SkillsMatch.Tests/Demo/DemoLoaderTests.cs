using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SkillsMatch.Access;
using SkillsMatch.Demo;
using SkillsMatch.Taxonomy;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Demo;

/// <summary>
/// The demo loader on a database of its own (demo issuers, learners and caseloads would leak into other tests' searches)
/// with a small slice of data/demo: two learners, their courses, one industry-endorsed offering, three postings.
/// The shipped taxonomy is loaded without vectors, so extraction is lexical and the test stays quick.
/// </summary>
public sealed class DemoLoaderTests : IAsyncLifetime
{
    private static readonly string[] Tables =
    [
        "issuers", "catalog_offerings", "catalog_offering_skills", "job_postings", "job_posting_skills", "learners", "learner_experiences",
        "learner_credentials", "learner_skill_evidence", "practitioner_caseload",
    ];

    private string connection = "";
    private ApiFactory api = null!;

    public async Task InitializeAsync()
    {
        connection = await TestDatabase.CreateEmptyDatabaseAsync();
        api = new ApiFactory(connection); // its start-up migrates the new database
        var dataSource = api.Services.GetRequiredService<NpgsqlDataSource>();
        await new DefaultTaxonomy(dataSource, NullLogger<DefaultTaxonomy>.Instance).EnsureAsync(null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        await TestDatabase.DropDatabaseAsync(connection);
    }

    [Fact]
    public async Task Demo_loads_once_with_verified_and_attested_credentials_and_the_practitioner_caseload()
    {
        var demo = Slice();
        var loader = api.Services.GetRequiredService<DemoLoader>();

        // Two hosts starting together: one loads, the other waits for the lock and finds the demo in.
        var reports = await Task.WhenAll(loader.LoadAsync(demo, deferPostings: false, default), loader.LoadAsync(demo, deferPostings: false, default));

        var first = Assert.Single(reports, r => r.Complete);
        Assert.Single(reports, r => r.AlreadyComplete);
        Assert.Equal((8, 5, 2, 5, 2, 2, 3), (first.Issuers, first.Offerings, first.Learners, first.Credentials, first.VerifiedCredentials,
            first.CaseloadGrants, first.Postings));
        await using var conn = new NpgsqlConnection(connection);

        var lakeshore = await conn.QuerySingleAsync<(bool Trusted, string? AccreditingBody, string? Framework)>(
            "SELECT trusted, accrediting_body, framework FROM issuers WHERE issuer_uri = @id", new { id = demo.Issuer("lakeshore").Id });
        Assert.Equal((true, "Ontario Micro-credentials Framework"), (lakeshore.Trusted, lakeshore.Framework));
        Assert.NotNull(lakeshore.AccreditingBody);
        Assert.False(await conn.QuerySingleAsync<bool>("SELECT trusted FROM issuers WHERE issuer_uri = @id", new { id = demo.Issuer("maplecloud").Id }));
        Assert.Equal(0, await conn.QuerySingleAsync<int>("SELECT count(*) FROM issuers WHERE issuer_uri = @id", new { id = demo.Issuer("quickcert").Id }));

        Assert.Equal(5, await conn.QuerySingleAsync<int>("SELECT count(*) FROM catalog_offerings WHERE is_demo"));
        Assert.Equal("industry-endorsed", await conn.QuerySingleAsync<string>(
            "SELECT quality_assurance FROM catalog_offerings WHERE external_id = 'demo-cyberpath-splunk'"));
        Assert.Equal(3, await conn.QuerySingleAsync<int>("SELECT count(*) FROM job_postings WHERE is_demo AND valid_through > now()"));

        var learners = (await conn.QueryAsync<(string Ref, bool IsDemo, bool Visible)>(
            "SELECT external_ref, is_demo, visible_to_employers FROM learners ORDER BY external_ref")).ToList();
        Assert.Equal([("demo-daniel", true, false), ("demo-sarah", true, true)], learners);

        // Sarah: two Lakeshore credentials verify end to end; Maple Cloud (registered, not trusted) and QuickCert
        // (not registered) are authentic but only attested.
        var sarahs = (await conn.QueryAsync<(string Name, bool Verified)>("""
            SELECT c.achievement_name, c.verified FROM learner_credentials c JOIN learners l ON l.id = c.learner_id
             WHERE l.external_ref = 'demo-sarah' ORDER BY c.achievement_name
            """)).ToList();
        Assert.Equal(4, sarahs.Count);
        Assert.Equal(["Data Analysis Foundations", "SQL for Data Analysts"], sarahs.Where(c => c.Verified).Select(c => c.Name));
        Assert.Equal(4, await BestCredentialTierAsync(conn, "demo-sarah", "sql"));
        Assert.Equal(3, await BestCredentialTierAsync(conn, "demo-sarah", "power-bi"));
        Assert.Equal(3, await BestCredentialTierAsync(conn, "demo-sarah", "python"));
        Assert.Equal(2, await conn.QuerySingleAsync<int>("""
            SELECT count(*) FROM learner_experiences x JOIN learners l ON l.id = x.learner_id WHERE l.external_ref = 'demo-sarah'
            """));

        var caseload = await conn.QueryAsync<string>("""
            SELECT l.external_ref FROM practitioner_caseload c JOIN learners l ON l.id = c.learner_id
             WHERE c.practitioner = @practitioner ORDER BY 1
            """, new { practitioner = DemoKeys.DemoPractitioner });
        Assert.Equal(["demo-daniel", "demo-sarah"], caseload);

        // A second start changes nothing.
        var before = await CountsAsync(conn);
        var again = await loader.LoadAsync(demo, deferPostings: false, default);
        Assert.True(again.AlreadyComplete);
        Assert.Equal(before, await CountsAsync(conn));

        // A load that stopped midway (a posting and a learner's part missing, no 'complete') is finished, not duplicated.
        await conn.ExecuteAsync("""
            DELETE FROM demo_loads WHERE part IN ('complete', 'postings', 'learner:sarah', 'caseload');
            DELETE FROM job_postings WHERE external_id = @posting;
            """, new { posting = (string)demo.Postings[0]["identifier"]!["value"]! });
        var resumed = await loader.LoadAsync(demo, deferPostings: false, default);
        Assert.Equal((1, 0, 0, true), (resumed.Postings, resumed.Learners, resumed.Credentials, resumed.Complete));
        Assert.Equal(before, await CountsAsync(conn));
    }

    /// <summary>Two learners of the shipped demo (one hidden from employers), the courses they hold, a CyberPath course, three postings.</summary>
    private static DemoDataSet Slice()
    {
        var full = DemoDataSet.Read(ShippedTaxonomy.RepositoryFile("data", "demo"));
        var learners = full.Learners.Where(l => l.Key is "sarah" or "daniel").ToList();
        var courses = learners.SelectMany(l => l.Credentials).Where(c => c.Course is not null).Select(c => $"demo-{c.Issuer}-{c.Course}").ToHashSet();
        courses.Add("demo-cyberpath-splunk");
        return new DemoDataSet(full.Issuers, full.CatalogOfferings.Where(o => courses.Contains((string)o["externalId"]!)).ToList(), full.Postings.Take(3).ToList(),
            [full.Practitioners[0] with { Caseload = ["sarah", "daniel"] }], learners);
    }

    private static Task<short> BestCredentialTierAsync(NpgsqlConnection conn, string learner, string skill) =>
        conn.QuerySingleAsync<short>("""
            SELECT max(e.tier) FROM learner_skill_evidence e JOIN learners l ON l.id = e.learner_id JOIN skills s ON s.id = e.skill_id
             WHERE l.external_ref = @learner AND s.external_id = @skill AND e.credential_id IS NOT NULL
            """, new { learner, skill });

    private static async Task<string> CountsAsync(NpgsqlConnection conn)
    {
        var counts = new List<string>();
        foreach (var table in Tables) counts.Add($"{table} {await conn.QuerySingleAsync<long>($"SELECT count(*) FROM {table}")}");
        return string.Join(", ", counts);
    }
}
