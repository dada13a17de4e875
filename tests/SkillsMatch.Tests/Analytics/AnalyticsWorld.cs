using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Access;
using SkillsMatch.Learners;
using SkillsMatch.Tests.Learners;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Analytics;

/// <summary>
/// The analytics tests' world on the real API and PostgreSQL, made once for the class. A practitioner's cohort: 5 learners aiming at data analyst (2 of
/// them hold SQL) and 2 aiming at accountant. In the Northwest Territories (no other test uses it): a posting requiring
/// SQL, 6 consenting learners holding SQL credential-verified, 2 holding it self-declared and one who does not consent.
/// </summary>
public sealed class AnalyticsWorld : IAsyncLifetime
{
    public const string Region = "CA-NT";
    private static readonly string[] SkillsOnly = ["skills"];
    public string Tag { get; } = Guid.NewGuid().ToString("N")[..8];
    public ApiFactory Api { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Practitioner { get; private set; } = null!;
    public HttpClient OtherPractitioner { get; private set; } = null!;
    public long Sql { get; private set; }

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        Api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        Admin = await Api.CreateClientAsync(Role.Admin);
        Practitioner = await Api.CreateClientAsync(Role.Practitioner, subject: "analytics-" + Tag);
        OtherPractitioner = await Api.CreateClientAsync(Role.Practitioner, subject: "analytics-other-" + Tag);
        Sql = await LearnerApiHost.SkillIdAsync("sql");

        for (var i = 0; i < 5; i++) await LearnerAsync(Practitioner, "data-analyst", "CA-NB", consent: true, sqlTier: i < 2 ? (short)4 : null);
        for (var i = 0; i < 2; i++) await LearnerAsync(Practitioner, "accountant", "CA-NB", consent: true, sqlTier: null);

        for (var i = 0; i < 6; i++) await LearnerAsync(Admin, null, Region, consent: true, sqlTier: 4);
        for (var i = 0; i < 2; i++) await LearnerAsync(Admin, null, Region, consent: true, sqlTier: 1);
        await LearnerAsync(Admin, null, Region, consent: false, sqlTier: 4);
        await PostingRequiringSqlAsync();
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        Practitioner.Dispose();
        OtherPractitioner.Dispose();
        await Api.DisposeAsync();
    }

    private async Task LearnerAsync(HttpClient client, string? target, string region, bool consent, short? sqlTier)
    {
        var created = await client.PostAsJsonAsync("/learners", new
        {
            displayName = $"Analytics {Tag} {Guid.NewGuid():N}"[..40], region,
            targetOccupations = target is null ? Array.Empty<string>() : [target],
            consent = new { visibleToEmployers = consent, parts = SkillsOnly },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        if (sqlTier is not { } tier) return;
        // What the credentials feature stores for a verified alignment (tested there), or a self-declared claim, then the summary refresh.
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO learner_skill_evidence (learner_id, skill_id, tier, source, confidence, level, detail)
            VALUES (@id, @Sql, @tier, CASE WHEN @tier = 1 THEN 'self' ELSE 'credential-alignment' END, 1, 'intermediate', 'Analytics test')
            """, new { id, Sql, tier }, tx);
        await Api.Services.GetRequiredService<LearnerSkillSummary>().RefreshSkillSummaryAsync(conn, tx, id, CancellationToken.None);
        await tx.CommitAsync();
    }

    private async Task PostingRequiringSqlAsync()
    {
        var created = await Admin.PostAsJsonAsync("/jobs", new Dictionary<string, object?>
        {
            ["@type"] = "JobPosting", ["identifier"] = $"analytics-{Tag}", ["title"] = "Database clerk",
            ["description"] = "You must write SQL queries.", ["hiringOrganization"] = new { name = "Analytics Test Co" },
            ["jobLocation"] = new { address = new { addressRegion = "Northwest Territories" } },
            ["datePosted"] = "2026-11-01", ["validThrough"] = "2099-12-31",
        });
        var id = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await Admin.PutAsJsonAsync($"/jobs/{id}/skills", new { skills = new[] { new { skillId = Sql, requirement = "required" } } })).EnsureSuccessStatusCode();
    }

}
