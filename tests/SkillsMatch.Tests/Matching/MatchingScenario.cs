using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Access;
using SkillsMatch.Learners;
using SkillsMatch.Tests.Learners;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Matching;

/// <summary>
/// A small data-analyst scenario through the real API: one open posting needing four skills (plus python as an
/// asset), a closed one, and learners who hold all of them verified, half of them verified, all of them only
/// self-declared, and all of them verified but hidden from employers.
/// </summary>
public sealed class MatchingScenario : IAsyncLifetime
{
    public static readonly string[] Essential = ["sql", "data-analysis", "power-bi", "statistics"];

    private readonly string marker = Guid.NewGuid().ToString("N")[..8];

    public ApiFactory Api { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Employer { get; private set; } = null!;
    public Dictionary<string, long> Skills { get; } = [];
    public Guid Posting { get; private set; }
    public Guid SmallPosting { get; private set; }
    public Guid ClosedPosting { get; private set; }
    public Guid Full { get; private set; }
    public Guid Half { get; private set; }
    public Guid SelfDeclared { get; private set; }
    public Guid Hidden { get; private set; }
    public Guid PreferredOnly { get; private set; }

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        Api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        Admin = await Api.CreateClientAsync(Role.Admin);
        Employer = await Api.CreateClientAsync(Role.Employer);
        foreach (var skill in Essential.Append("python")) Skills[skill] = await LearnerApiHost.SkillIdAsync(skill);

        Posting = await PostingAsync("Data Analyst", [.. Essential.Select(s => (s, "required")), ("python", "preferred")]);
        SmallPosting = await PostingAsync("Reporting Clerk", [("sql", "required"), ("data-analysis", "required")]);
        ClosedPosting = await PostingAsync("Data Analyst (filled)", [.. Essential.Select(s => (s, "required"))]);
        (await Admin.PostAsync($"/jobs/{ClosedPosting}/close", null)).EnsureSuccessStatusCode();

        Full = await LearnerAsync("Full", ["skills", "contact"], true, Essential, tier: 4);
        Half = await LearnerAsync("Half", ["skills"], true, ["sql", "data-analysis"], tier: 4);
        SelfDeclared = await LearnerAsync("Self", ["skills"], true, Essential, tier: 1);
        Hidden = await LearnerAsync("Hidden", ["skills", "contact"], false, Essential, tier: 4);
        PreferredOnly = await LearnerAsync("PreferredOnly", ["skills"], true, ["python"], tier: 4);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        Employer.Dispose();
        await Api.DisposeAsync();
    }

    public string Name(string who) => $"{who} {marker}";

    /// <summary>A learner's profile as PUT /learners/{id} takes it.</summary>
    public object Profile(string who, string[] parts, bool visible, bool willingToRelocate = false) => new
    {
        displayName = Name(who), email = $"{who.ToLowerInvariant()}.{marker}@example.ca", region = "Nunavut", remotePreference = "onsite",
        consent = new { visibleToEmployers = visible, parts }, willingToRelocate,
    };

    /// <param name="region">Where the job is (the scenario's learners live in Nunavut).</param>
    /// <param name="remote">A remote job (schema.org jobLocationType TELECOMMUTE).</param>
    public async Task<Guid> PostingAsync(string title, (string Skill, string Requirement)[] skills, string region = "Nunavut", bool remote = false)
    {
        var posting = new Dictionary<string, object?>
        {
            ["@type"] = "JobPosting", ["identifier"] = $"match-{marker}-{title}", ["title"] = title,
            ["description"] = region == "Nunavut" ? "Join our team in Iqaluit." : "Join our team.", ["hiringOrganization"] = new { name = "Matching Test Co" },
            ["jobLocation"] = new { address = new { addressRegion = region, addressLocality = region == "Nunavut" ? "Iqaluit" : null } },
            ["datePosted"] = "2026-11-01", ["validThrough"] = "2099-12-31",
        };
        if (remote) posting["jobLocationType"] = "TELECOMMUTE";
        var created = await Admin.PostAsJsonAsync("/jobs", posting);
        var view = await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetGuid();
        // Only the skills this scenario names: whatever extraction proposed is removed by the employer's edit.
        var extracted = view.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("skillId").GetInt64()).ToList();
        var wanted = skills.ToDictionary(s => Skills[s.Skill], s => s.Requirement);
        var edits = extracted.Where(e => !wanted.ContainsKey(e)).Select(e => (object)new { skillId = e, remove = true })
            .Concat(wanted.Select(w => (object)new { skillId = w.Key, requirement = w.Value, remove = false }));
        (await Admin.PutAsJsonAsync($"/jobs/{id}/skills", new { skills = edits.ToList() })).EnsureSuccessStatusCode();
        return id;
    }

    private async Task<Guid> LearnerAsync(string who, string[] parts, bool visible, IEnumerable<string> skills, short tier)
    {
        var response = await Admin.PostAsJsonAsync("/learners", Profile(who, parts, visible));
        var id = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var ids = skills.Select(s => Skills[s]).ToArray();
        if (tier == 1)
        {
            (await Admin.PutAsJsonAsync($"/learners/{id}/skills/self", new { skills = ids.Select(s => new { skillId = s, level = "intermediate" }) }))
                .EnsureSuccessStatusCode();
            return id;
        }
        // What the credentials feature stores for a verified alignment (tested there), then the summary refresh it calls.
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO learner_skill_evidence (learner_id, skill_id, tier, source, confidence, level, detail, evidenced_at)
            SELECT @id, skill, @tier, 'credential-alignment', 1, 'intermediate', 'Data Analytics Certificate', now() - interval '30 days'
              FROM unnest(@ids) AS skill
            """, new { id, tier, ids }, tx);
        await Api.Services.GetRequiredService<LearnerSkillSummary>().RefreshSkillSummaryAsync(conn, tx, id, CancellationToken.None);
        await tx.CommitAsync();
        return id;
    }
}
