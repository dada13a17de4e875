using System.Net.Http.Json;
using System.Text.Json;

namespace SkillsMatch.Tests.Web;

/// <summary>
/// A cohort for the practitioner's analytics and placement pages, made on first use: five learners on the practitioner's
/// caseload aiming at junior data analyst (two of them hold SQL; the world's own two learners aim at data analyst), two aiming at accountant (a group too small to publish), and a
/// second posting of the employer's that requires SQL, so demand has a figure.
/// </summary>
public sealed partial class WebWorld
{
    private static readonly string[] SkillsOnly = ["skills"];
    private Task? cohort;

    public string CohortName(int i) => $"Cohort {i} {Tag}";
    public string ReportingTitle => "Reporting Analyst " + Tag;

    public Task EnsureCohortAsync() => cohort ??= CreateCohortAsync();

    private async Task CreateCohortAsync()
    {
        using var practitioner = Client(PractitionerKey);
        var sql = await SkillsMatch.Tests.Learners.LearnerApiHost.SkillIdAsync("sql");
        for (var i = 0; i < 7; i++)
        {
            var created = await practitioner.PostAsJsonAsync("/learners", new
            {
                displayName = CohortName(i), region = "CA-ON", remotePreference = "any",
                targetOccupations = new[] { i < 5 ? "junior-data-analyst" : "accountant" },
                consent = new { visibleToEmployers = true, parts = SkillsOnly },
            });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            if (i < 2)
                Assert.True((await practitioner.PutAsJsonAsync($"/learners/{id}/skills/self",
                    new { skills = new[] { new { skillId = sql, level = "intermediate" } } })).IsSuccessStatusCode);
        }

        using var employer = Client(EmployerKey);
        var posting = await employer.PostAsJsonAsync("/jobs", new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org/", ["@type"] = "JobPosting",
            ["identifier"] = new { value = "reporting-" + Tag, propertyID = "test" },
            ["title"] = ReportingTitle,
            ["description"] = "You must write SQL queries for monthly reports.",
            ["hiringOrganization"] = new { name = "employer-" + Tag },
            ["jobLocation"] = new { address = new { addressRegion = "Ontario" } },
        });
        Assert.True(posting.IsSuccessStatusCode, await posting.Content.ReadAsStringAsync());
        var id2 = (await posting.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var edit = await employer.PutAsJsonAsync($"/jobs/{id2}/skills", new { skills = new[] { new { skillId = sql, requirement = "required" } } });
        Assert.True(edit.IsSuccessStatusCode, await edit.Content.ReadAsStringAsync());
    }
}
