using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkillsMatch.Access;

namespace SkillsMatch.Tests.Matching;

public sealed class MatchingApiTests(MatchingScenario s) : IClassFixture<MatchingScenario>
{
    private static readonly string[] HalfSkills = ["sql", "data-analysis"];

    [Fact]
    public async Task Candidates_rank_full_coverage_over_half_and_verified_over_self_declared_and_never_show_the_hidden()
    {
        var candidates = await GetAsync(s.Employer, $"/jobs/{s.Posting}/candidates?limit=100");
        var ids = Ids(candidates);
        var why = string.Join("\n", candidates.EnumerateArray().Where(c => new[] { s.Full, s.Half, s.SelfDeclared }.Contains(c.GetProperty("learnerId").GetGuid()))
            .Select(c => c.GetProperty("explanation").ToString()));

        Assert.True(ids.IndexOf(s.Full) >= 0 && ids.IndexOf(s.Half) >= 0 && ids.IndexOf(s.SelfDeclared) >= 0, string.Join(", ", ids));
        Assert.True(ids.IndexOf(s.Full) < ids.IndexOf(s.Half), "all essential skills outrank half of them\n" + why);
        Assert.True(ids.IndexOf(s.Full) < ids.IndexOf(s.SelfDeclared), "verified outranks self-declared at equal coverage");
        Assert.DoesNotContain(s.Hidden, ids);
    }

    [Fact]
    public async Task A_learner_with_none_of_the_essential_skills_is_a_candidate_only_when_asked()
    {
        // Issue 18: an employer's list was padded with learners holding 0 of 22 required skills.
        var strict = Ids(await GetAsync(s.Employer, $"/jobs/{s.Posting}/candidates?limit=100"));
        var weak = Ids(await GetAsync(s.Employer, $"/jobs/{s.Posting}/candidates?limit=100&includeWeak=true"));

        Assert.DoesNotContain(s.PreferredOnly, strict);
        Assert.Contains(s.Full, strict);
        Assert.Contains(s.PreferredOnly, weak);
    }

    [Fact]
    public async Task Contact_details_only_for_learners_who_share_them()
    {
        var candidates = await GetAsync(s.Employer, $"/jobs/{s.Posting}/candidates?limit=100");
        var full = Candidate(candidates, s.Full);
        var self = Candidate(candidates, s.SelfDeclared);

        Assert.Equal(s.Name("Full"), full.GetProperty("displayName").GetString());
        Assert.EndsWith("@example.ca", full.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, self.GetProperty("displayName").ValueKind);
        Assert.Equal(JsonValueKind.Null, self.GetProperty("email").ValueKind);
        // Without the credentials part, which credential backs a skill is withheld.
        Assert.All(self.GetProperty("explanation").GetProperty("requirements").EnumerateArray(),
            r => Assert.Equal(JsonValueKind.Null, r.GetProperty("evidence").ValueKind));
    }

    [Fact]
    public async Task Explanation_names_every_requirement_with_its_outcome_and_the_main_contributions()
    {
        var candidates = await GetAsync(s.Employer, $"/jobs/{s.Posting}/candidates?limit=100");
        var full = Candidate(candidates, s.Full).GetProperty("explanation");
        var half = Candidate(candidates, s.Half).GetProperty("explanation");

        var requirements = full.GetProperty("requirements").EnumerateArray().ToDictionary(r => r.GetProperty("skillId").GetInt64());
        Assert.Equal(s.Skills.Values.Order(), requirements.Keys.Order());
        foreach (var skill in MatchingScenario.Essential)
        {
            var requirement = requirements[s.Skills[skill]];
            Assert.Equal("essential", requirement.GetProperty("kind").GetString());
            Assert.Equal("matched", requirement.GetProperty("status").GetString());
            Assert.Equal("credential-verified", requirement.GetProperty("tier").GetString());
        }
        Assert.Equal("optional", requirements[s.Skills["python"]].GetProperty("kind").GetString());
        Assert.Contains("holds 4 of 4 essential skills (4 credential-verified)", full.GetProperty("summary").GetString());

        var halfStatuses = half.GetProperty("requirements").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "essential").Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Equal(2, halfStatuses.Count(x => x == "matched"));
        Assert.Equal(2, halfStatuses.Count(x => x is "missing" or "partial"));

        var contributions = full.GetProperty("contributions").EnumerateArray().ToList();
        Assert.NotEmpty(contributions);
        Assert.All(contributions, c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("name").GetString())));
    }

    [Fact]
    public async Task Search_by_skills_honours_the_minimum_tier_and_consent()
    {
        var verified = Ids(await PostAsync(s.Employer, "/candidates/search", new { skills = HalfSkills, minTier = "credential-verified", limit = 100 }));
        Assert.Contains(s.Full, verified);
        Assert.Contains(s.Half, verified);
        Assert.DoesNotContain(s.SelfDeclared, verified);
        Assert.DoesNotContain(s.Hidden, verified);

        var all = Ids(await PostAsync(s.Employer, "/candidates/search", new { skills = MatchingScenario.Essential, limit = 100 }));
        Assert.Contains(s.Full, all);
        Assert.Contains(s.SelfDeclared, all);
        Assert.DoesNotContain(s.Half, all);
        Assert.True(all.IndexOf(s.Full) < all.IndexOf(s.SelfDeclared));
    }

    [Fact]
    public async Task Withdrawing_consent_removes_a_learner_from_the_very_next_search()
    {
        var learner = await s.Api.CreateClientAsync(Role.Learner, s.Half);
        var search = new { skills = HalfSkills, minTier = "credential-verified", limit = 100 };
        try
        {
            Assert.Contains(s.Half, Ids(await PostAsync(s.Employer, "/candidates/search", search)));
            (await learner.PutAsJsonAsync($"/learners/{s.Half}", s.Profile("Half", ["skills"], visible: false))).EnsureSuccessStatusCode();
            Assert.DoesNotContain(s.Half, Ids(await PostAsync(s.Employer, "/candidates/search", search)));
            Assert.DoesNotContain(s.Half, Ids(await GetAsync(s.Employer, $"/jobs/{s.Posting}/candidates?limit=100")));
        }
        finally
        {
            (await learner.PutAsJsonAsync($"/learners/{s.Half}", s.Profile("Half", ["skills"], visible: true))).EnsureSuccessStatusCode();
            learner.Dispose();
        }
    }

    [Fact]
    public async Task A_learner_sees_open_roles_ranked_and_explained_and_no_one_elses()
    {
        using var learner = await s.Api.CreateClientAsync(Role.Learner, s.Full);
        var matches = (await GetAsync(learner, $"/learners/{s.Full}/matches?region=Nunavut&limit=100")).GetProperty("matches").EnumerateArray().ToList();
        var jobs = matches.Select(m => m.GetProperty("jobId").GetGuid()).ToList();

        Assert.Contains(s.Posting, jobs);
        Assert.Contains(s.SmallPosting, jobs);
        Assert.DoesNotContain(s.ClosedPosting, jobs);
        var posting = matches.Single(m => m.GetProperty("jobId").GetGuid() == s.Posting);
        Assert.InRange(posting.GetProperty("score").GetDouble(), 0, 100);
        Assert.NotEmpty(posting.GetProperty("explanation").GetProperty("requirements").EnumerateArray());

        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync($"/learners/{s.Half}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Employer.GetAsync($"/learners/{s.Full}/matches")).StatusCode);
    }

    [Fact]
    public async Task Roles_stay_in_the_learners_region_plus_remote_unless_they_relocate_and_the_answer_says_which_filter_applied()
    {
        // Issue 18, item 3: a Hamilton learner preferring onsite work got onsite jobs in Edmonton, Montréal and Saskatoon first.
        var elsewhere = await s.PostingAsync("Data Analyst Edmonton", [.. MatchingScenario.Essential.Select(x => (x, "required"))], region: "Alberta");
        await s.PostingAsync("Data Analyst Remote", [.. MatchingScenario.Essential.Select(x => (x, "required"))], region: "Manitoba", remote: true);
        using var learner = await s.Api.CreateClientAsync(Role.Learner, s.Full);

        var home = await GetAsync(learner, $"/learners/{s.Full}/matches?limit=100");
        var homeJobs = home.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("jobId").GetGuid()).ToList();
        Assert.Equal("home-region", home.GetProperty("filter").GetProperty("rule").GetString());
        Assert.Equal("CA-NU", home.GetProperty("filter").GetProperty("region").GetString());
        Assert.Contains(s.Posting, homeJobs);
        Assert.DoesNotContain(elsewhere, homeJobs);
        // Every match is at home or remote, and remote ones come from anywhere. (Which remote postings make the top 100
        // depends on the other tests' postings in the shared database, so this one is not looked for by id.)
        var homeMatches = home.GetProperty("matches").EnumerateArray().ToList();
        Assert.All(homeMatches, m => Assert.True(m.GetProperty("region").GetString() == "CA-NU" || m.GetProperty("remote").GetString() == "remote", m.ToString()));
        Assert.Contains(homeMatches, m => m.GetProperty("remote").GetString() == "remote" && m.GetProperty("region").GetString() != "CA-NU");

        var moving = await GetAsync(learner, $"/learners/{s.Full}/matches?limit=100&relocate=true");
        Assert.Equal("relocating", moving.GetProperty("filter").GetProperty("rule").GetString());
        Assert.Contains(elsewhere, moving.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("jobId").GetGuid()));

        // The profile's own willingness to relocate does the same without the parameter.
        try
        {
            (await s.Admin.PutAsJsonAsync($"/learners/{s.Full}", s.Profile("Full", ["skills", "contact"], visible: true, willingToRelocate: true))).EnsureSuccessStatusCode();
            var willing = await GetAsync(learner, $"/learners/{s.Full}/matches?limit=100");
            Assert.Equal("relocating", willing.GetProperty("filter").GetProperty("rule").GetString());
            Assert.Contains(elsewhere, willing.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("jobId").GetGuid()));
        }
        finally
        {
            (await s.Admin.PutAsJsonAsync($"/learners/{s.Full}", s.Profile("Full", ["skills", "contact"], visible: true))).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task The_employer_sees_shared_experience_and_education_only_when_the_learner_consents_to_each()
    {
        (await s.Admin.PostAsJsonAsync($"/learners/{s.Half}/experiences", new
        {
            kind = "experience", title = "Reporting analyst", organisation = "Northern Co-op", description = "Private notes about my manager.",
            startDate = "2021-01-01", endDate = "2024-06-30",
        })).EnsureSuccessStatusCode();
        (await s.Admin.PostAsJsonAsync($"/learners/{s.Half}/experiences", new
        {
            kind = "education", title = "Diploma in Business Analytics", organisation = "Nunavut Arctic College", startDate = "2018-09-01", endDate = "2020-06-30",
        })).EnsureSuccessStatusCode();
        JsonElement HalfIn(JsonElement candidates) => Candidate(candidates, s.Half);

        var withheld = HalfIn(await GetAsync(s.Employer, $"/jobs/{s.Posting}/candidates?limit=100"));
        Assert.Equal(JsonValueKind.Null, withheld.GetProperty("experience").ValueKind);
        Assert.Equal(JsonValueKind.Null, withheld.GetProperty("education").ValueKind);
        Assert.DoesNotContain("Northern Co-op", withheld.ToString());
        Assert.DoesNotContain("Arctic College", withheld.ToString());
        try
        {
            (await s.Admin.PutAsJsonAsync($"/learners/{s.Half}", s.Profile("Half", ["skills", "experience"], visible: true))).EnsureSuccessStatusCode();
            var shared = HalfIn(await GetAsync(s.Employer, $"/jobs/{s.Posting}/candidates?limit=100"));
            var job = shared.GetProperty("experience").EnumerateArray().Single();
            Assert.Equal("Reporting analyst", job.GetProperty("title").GetString());
            Assert.Equal("Northern Co-op", job.GetProperty("organisation").GetString());
            Assert.Equal("2021-01-01", job.GetProperty("startDate").GetString());
            Assert.Equal(JsonValueKind.Null, shared.GetProperty("education").ValueKind);
            Assert.DoesNotContain("Private notes", shared.ToString());

            (await s.Admin.PutAsJsonAsync($"/learners/{s.Half}", s.Profile("Half", ["skills", "education"], visible: true))).EnsureSuccessStatusCode();
            var schooled = HalfIn(await PostAsync(s.Employer, "/candidates/search", new { skills = HalfSkills, limit = 100 }));
            Assert.Equal("Nunavut Arctic College", schooled.GetProperty("education").EnumerateArray().Single().GetProperty("organisation").GetString());
            Assert.Equal(JsonValueKind.Null, schooled.GetProperty("experience").ValueKind);
        }
        finally
        {
            (await s.Admin.PutAsJsonAsync($"/learners/{s.Half}", s.Profile("Half", ["skills"], visible: true))).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task An_employer_edit_to_a_posting_shows_in_the_very_next_match()
    {
        var posting = await s.PostingAsync("Edited Analyst", [("sql", "required"), ("data-analysis", "required")]);
        using var learner = await s.Api.CreateClientAsync(Role.Learner, s.Full);
        async Task<List<long>> RequirementsAsync() =>
            (await GetAsync(learner, $"/learners/{s.Full}/matches?region=Nunavut&limit=100")).GetProperty("matches").EnumerateArray()
            .Single(m => m.GetProperty("jobId").GetGuid() == posting).GetProperty("explanation").GetProperty("requirements")
            .EnumerateArray().Select(r => r.GetProperty("skillId").GetInt64()).ToList();
        Assert.Equivalent(new[] { s.Skills["sql"], s.Skills["data-analysis"] }, await RequirementsAsync());

        (await s.Admin.PutAsJsonAsync($"/jobs/{posting}/skills", new
        {
            skills = new object[] { new { skillId = s.Skills["data-analysis"], remove = true }, new { skillId = s.Skills["statistics"], requirement = "required" } },
        })).EnsureSuccessStatusCode();

        Assert.Equivalent(new[] { s.Skills["sql"], s.Skills["statistics"] }, await RequirementsAsync());
    }

    [Fact]
    public async Task Gaps_list_missing_essential_skills_first_with_fastest_and_cheapest_plans()
    {
        async Task Offer(string title, decimal hours, decimal cost, params string[] skills) =>
            (await s.Admin.PostAsJsonAsync("/catalog", new
            {
                externalId = $"gap-{Guid.NewGuid():N}", title, provider = "Gap Test College", hours, cost, format = "online", language = "en",
                skills = skills.Select(x => s.Skills[x].ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            })).EnsureSuccessStatusCode();
        await Offer("Analytics bootcamp", 2, 900, "power-bi", "statistics", "python");
        await Offer("Power BI basics", 30, 10, "power-bi");
        await Offer("Statistics basics", 30, 10, "statistics");
        await Offer("Python basics", 30, 10, "python");

        var gaps = await GetAsync(s.Admin, $"/learners/{s.Half}/gaps?job={s.Posting}");
        var listed = gaps.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("requirement")).ToList();
        Assert.Equal(3, listed.Count);
        Assert.Equal(["essential", "essential", "optional"], listed.Select(g => g.GetProperty("kind").GetString()!).ToArray());
        Assert.Equal(s.Skills["python"], listed[2].GetProperty("skillId").GetInt64());

        var plans = gaps.GetProperty("plans");
        var fastest = plans.GetProperty("fastest");
        var cheapest = plans.GetProperty("cheapest");
        Assert.Equal(3, fastest.GetProperty("closed").GetArrayLength());
        Assert.True(fastest.GetProperty("totalHours").GetDouble() <= 2, fastest.GetProperty("summary").GetString());
        Assert.Equal(3, cheapest.GetProperty("closed").GetArrayLength());
        Assert.True(cheapest.GetProperty("totalCostCad").GetDecimal() <= 30, cheapest.GetProperty("summary").GetString());
        Assert.StartsWith("closes 3 of 3 gaps, leaves 0 open", cheapest.GetProperty("summary").GetString());
        Assert.Contains("Offerings in en", gaps.GetProperty("scope").GetProperty("description").GetString());

        var byOccupation = await s.Admin.GetAsync($"/learners/{s.Half}/gaps?occupation=data-analyst");
        Assert.Equal(HttpStatusCode.OK, byOccupation.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Admin.GetAsync($"/learners/{s.Half}/gaps")).StatusCode);
    }

    [Fact]
    public async Task Placements_assign_a_cohort_for_the_most_total_fit_and_only_within_a_caseload()
    {
        var request = new
        {
            learners = new[] { s.Full, s.Half },
            openings = new[] { new { job = s.Posting, capacity = 1 }, new { job = s.SmallPosting, capacity = 1 } },
        };
        var result = await PostAsync(s.Admin, "/placements", request);
        var placed = result.GetProperty("learners").EnumerateArray().ToDictionary(l => l.GetProperty("learnerId").GetGuid());
        double Fit(Guid learner, Guid job) => placed[learner].GetProperty("options").EnumerateArray()
            .Single(o => o.GetProperty("jobId").GetGuid() == job).GetProperty("fit").GetDouble();
        var best = Math.Max(Fit(s.Full, s.Posting) + Fit(s.Half, s.SmallPosting), Fit(s.Full, s.SmallPosting) + Fit(s.Half, s.Posting));

        Assert.Equal(2, result.GetProperty("assignedCount").GetInt32());
        Assert.Equal(best, result.GetProperty("totalFit").GetDouble(), 0.5);
        Assert.NotEqual(placed[s.Full].GetProperty("assignedJobId").GetGuid(), placed[s.Half].GetProperty("assignedJobId").GetGuid());

        using var practitioner = await s.Api.CreateClientAsync(Role.Practitioner);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.PostAsJsonAsync("/placements", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Employer.PostAsJsonAsync("/placements", request)).StatusCode);
    }

    [Fact]
    public async Task Placement_results_name_learners_and_postings_and_say_why_a_learner_stayed_unassigned()
    {
        // One place for two learners: one is placed, the other is told who took it; a minimum nobody reaches says so.
        var oneSeat = await PostAsync(s.Admin, "/placements", new
        {
            learners = new[] { s.Full, s.Half },
            openings = new[] { new { job = s.SmallPosting, capacity = 1 } },
        });
        var placed = oneSeat.GetProperty("learners").EnumerateArray().ToDictionary(l => l.GetProperty("learnerId").GetGuid());
        Assert.Equal(s.Name("Full"), placed[s.Full].GetProperty("name").GetString());
        Assert.Equal(s.Name("Half"), placed[s.Half].GetProperty("name").GetString());
        var winner = placed.Values.Single(l => l.GetProperty("assignedJobId").ValueKind != JsonValueKind.Null);
        var loser = placed.Values.Single(l => l.GetProperty("assignedJobId").ValueKind == JsonValueKind.Null);
        Assert.Equal("Reporting Clerk", winner.GetProperty("assignedTitle").GetString());
        Assert.Equal("Reporting Clerk", loser.GetProperty("options")[0].GetProperty("title").GetString());
        var why = loser.GetProperty("unassigned");
        Assert.Equal("openings-filled", why.GetProperty("code").GetString());
        Assert.Contains("Reporting Clerk", why.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(winner.GetProperty("name").GetString()!, why.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var tooHigh = await PostAsync(s.Admin, "/placements", new
        {
            learners = new[] { s.Half }, openings = new[] { new { job = s.Posting, capacity = 1 } }, minFit = 100,
        });
        var half = tooHigh.GetProperty("learners")[0].GetProperty("unassigned");
        Assert.Equal("below-minimum-fit", half.GetProperty("code").GetString());
        Assert.Contains("Data Analyst", half.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/candidates/search", """{"skills":["sql"],"region":"Atlantis"}""", "region")]
    [InlineData("/candidates/search", """{"skills":["sql"],"minTier":"gold"}""", "minTier")]
    [InlineData("/candidates/search", """{"skills":["no such skill at all"]}""", "skills")]
    [InlineData("/candidates/search", """{"skills":[]}""", "skills")]
    [InlineData("/candidates/search", """{"skills":["sql"],"limit":0}""", "limit")]
    [InlineData("/placements", """{"learners":[],"openings":[]}""", "learners")]
    public async Task Bad_requests_name_the_field(string path, string body, string field)
    {
        var response = await s.Admin.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/learners/{learner}/matches?limit=0", "limit")]
    [InlineData("/learners/{learner}/matches?limit=101", "limit")]
    [InlineData("/learners/{learner}/matches?region=Atlantis", "region")]
    [InlineData("/learners/{learner}/gaps?occupation=data-analyst&format=boat", "format")]
    [InlineData("/learners/{learner}/gaps?occupation=data-analyst&language=de", "language")]
    [InlineData("/learners/{learner}/gaps?occupation=data-analyst&maxCost=-1", "maxCost")]
    [InlineData("/jobs/{job}/candidates?minTier=gold", "minTier")]
    [InlineData("/jobs/{job}/candidates?limit=0", "limit")]
    public async Task Bad_query_parameters_name_the_parameter(string path, string parameter)
    {
        var response = await s.Admin.GetAsync(path.Replace("{learner}", s.Half.ToString()).Replace("{job}", s.Posting.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    private static List<Guid> Ids(JsonElement candidates) =>
        [.. candidates.EnumerateArray().Select(c => c.GetProperty("learnerId").GetGuid())];

    private static JsonElement Candidate(JsonElement candidates, Guid id) =>
        candidates.EnumerateArray().Single(c => c.GetProperty("learnerId").GetGuid() == id);

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
