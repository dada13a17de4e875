using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkillsMatch.Access;
using SkillsMatch.Tests.Learners;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Access;

/// <summary>
/// A seeded random population of learners (visible or not, sharing different parts, holding different skills at
/// different tiers) and an employer trying every endpoint an employer can reach: no learner who did not consent
/// ever shows up, contact details only for those sharing 'contact', and a withdrawal applies to the next search.
/// </summary>
public sealed class EmployerConsentTests : LearnerApiHost
{
    private const int Seed = 20261129;
    private static readonly string[] SkillPool = ["sql", "python", "microsoft-excel", "power-bi", "data-analysis", "data-cleaning", "pivot-tables", "data-visualisation"];
    private static readonly string[] Sentences =
    [
        "Wrote SQL queries for monthly reports.", "Automated data cleaning with Python scripts.", "Built pivot tables in Microsoft Excel.",
        "Designed dashboards in Power BI.",
    ];
    private static readonly string[] SkillsAndContact = ["skills", "contact"];
    private static readonly string[] Parts = ["skills", "contact", "credentials", "experience", "education"];
    private static readonly string[] Tiers = ["self-declared", "inferred", "attested", "credential-verified"];

    private readonly Random random = new(Seed);
    private readonly string tag = "consent" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Employer_never_sees_a_learner_without_consent_nor_contact_details_not_shared()
    {
        var learners = new List<PopulationLearner>();
        for (var i = 0; i < 24; i++) learners.Add(await CreateLearnerAsync(i));
        var postings = new List<Guid>();
        for (var i = 0; i < 3; i++) postings.Add(await CreatePostingAsync(i));
        using var employer = await Api.CreateClientAsync(Role.Employer);

        var bodies = new List<(string Request, string Body)>();
        foreach (var posting in postings)
            foreach (var tier in new string?[] { null, "inferred" })
                bodies.Add(await SendAsync(employer, HttpMethod.Get, $"/jobs/{posting}/candidates?limit=100{(tier is null ? "" : "&minTier=" + tier)}", null, HttpStatusCode.OK));
        for (var i = 0; i < 25; i++)
            bodies.Add(await SendAsync(employer, HttpMethod.Post, "/candidates/search", RandomSearch(), HttpStatusCode.OK));
        foreach (var learner in learners.Take(4))
            foreach (var path in new[] { "", "/skills", "/matches", $"/gaps?job={postings[0]}", "/export", "/credentials/", "/practitioners/" })
                bodies.Add(await SendAsync(employer, HttpMethod.Get, $"/learners/{learner.Id}{path}", null, HttpStatusCode.Forbidden));

        foreach (var (request, body) in bodies)
            foreach (var learner in learners)
            {
                // A refusal echoes the path asked for (ProblemDetails.instance): the id the employer sent is not a leak.
                var asked = request.Contains(learner.Id.ToString(), StringComparison.OrdinalIgnoreCase);
                if (!learner.Findable)
                {
                    Assert.False(!asked && body.Contains(learner.Id.ToString(), StringComparison.OrdinalIgnoreCase), $"{request} shows non-consenting learner {learner.Id}");
                    Assert.False(body.Contains(learner.Name, StringComparison.Ordinal), $"{request} shows non-consenting learner {learner.Name}");
                }
                if (!learner.SharesContact)
                {
                    Assert.False(body.Contains(learner.Name, StringComparison.Ordinal), $"{request} shows the name of {learner.Id}, who shares no contact details");
                    Assert.False(body.Contains(learner.Email, StringComparison.OrdinalIgnoreCase), $"{request} shows the email of {learner.Id}, who shares no contact details");
                }
            }
        // The test can fail the other way too: consenting learners are found, with their contact details when shared.
        var candidates = bodies.Where(b => !b.Request.Contains("/learners/", StringComparison.Ordinal)).ToList();
        var seen = learners.Where(l => candidates.Any(b => b.Body.Contains(l.Id.ToString(), StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.All(seen, l => Assert.True(l.Findable));
        Assert.Contains(seen, l => l.SharesContact);
        Assert.All(seen.Where(l => l.SharesContact), l => Assert.Contains(candidates, b => b.Body.Contains(l.Email, StringComparison.OrdinalIgnoreCase)));

        await Withdrawn_consent_applies_to_the_very_next_search(employer, seen.First(l => l.Skills.Count > 0));
    }

    private async Task Withdrawn_consent_applies_to_the_very_next_search(HttpClient employer, PopulationLearner learner)
    {
        var search = new { skills = learner.Skills.ToArray(), requireAll = true, limit = 100 };
        Assert.Contains(learner.Id.ToString(), (await SendAsync(employer, HttpMethod.Post, "/candidates/search", search, HttpStatusCode.OK)).Body, StringComparison.OrdinalIgnoreCase);

        using var self = await Api.CreateClientAsync(Role.Learner, learner.Id);
        var withdraw = await self.PutAsJsonAsync($"/learners/{learner.Id}", new
        {
            displayName = learner.Name, email = learner.Email, consent = new { visibleToEmployers = false, parts = SkillsAndContact },
        });
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);

        var after = await SendAsync(employer, HttpMethod.Post, "/candidates/search", search, HttpStatusCode.OK);
        Assert.DoesNotContain(learner.Id.ToString(), after.Body, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<PopulationLearner> CreateLearnerAsync(int index)
    {
        var name = $"{tag} learner #{index}#"; // delimited, so learner #1# is never found inside learner #10#
        var email = $"{tag}-{index}-@example.test";
        var visible = random.NextDouble() < 0.5;
        var parts = Parts.Where(_ => random.NextDouble() < 0.5).ToArray();
        var created = await Client.PostAsJsonAsync("/learners", new
        {
            displayName = name, email, region = random.NextDouble() < 0.7 ? "CA-ON" : "CA-QC", remotePreference = "any",
            consent = new { visibleToEmployers = visible, parts },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Tier 1: self-declared skills; tier 2: skills inferred from an experience's text.
        var skills = SkillPool.Where(_ => random.NextDouble() < 0.4).ToList();
        var declared = new List<object>();
        foreach (var skill in skills) declared.Add(new { skillId = await SkillIdAsync(skill), level = "intermediate" });
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"/learners/{id}/skills/self", new { skills = declared })).StatusCode);
        if (random.NextDouble() < 0.5)
        {
            var text = string.Join(' ', Sentences.Where(_ => random.NextDouble() < 0.6));
            var experience = await Client.PostAsJsonAsync($"/learners/{id}/experiences", new { kind = "experience", title = "Reporting analyst", description = text });
            Assert.Equal(HttpStatusCode.Created, experience.StatusCode);
        }
        return new PopulationLearner(id, name, email, visible && parts.Contains("skills"), parts.Contains("contact"), skills);
    }

    private async Task<Guid> CreatePostingAsync(int index)
    {
        var posting = await Client.PostAsJsonAsync("/jobs", new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org/", ["@type"] = "JobPosting",
            ["identifier"] = new { value = $"{tag}-{index}", propertyID = "test" },
            ["title"] = "Data Analyst",
            ["description"] = "<ul><li>Write SQL queries</li><li>Build dashboards in Power BI</li><li>Clean data with Python</li><li>Microsoft Excel pivot tables</li></ul>",
            ["hiringOrganization"] = new { name = tag + " Analytics" },
            ["jobLocation"] = new { address = new { addressRegion = "Ontario" } },
        });
        Assert.Equal(HttpStatusCode.Created, posting.StatusCode);
        return (await posting.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private object RandomSearch() => new
    {
        skills = SkillPool.Where(_ => random.NextDouble() < 0.3).DefaultIfEmpty(SkillPool[random.Next(SkillPool.Length)]).ToArray(),
        minTier = random.NextDouble() < 0.5 ? null : Tiers[random.Next(Tiers.Length)],
        requireAll = random.NextDouble() < 0.5,
        limit = 100,
    };

    private static async Task<(string Request, string Body)> SendAsync(HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return ($"{method} {path} {(body is null ? "" : JsonSerializer.Serialize(body))}", text);
    }


    /// <param name="Findable">Visible to employers and sharing skills: the only learners candidate search may return.</param>
    private sealed record PopulationLearner(Guid Id, string Name, string Email, bool Findable, bool SharesContact, IReadOnlyList<string> Skills);
}
