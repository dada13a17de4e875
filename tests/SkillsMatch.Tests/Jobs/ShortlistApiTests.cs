using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Jobs;

/// <summary>A shortlist belongs to the posting's organisation: another employer neither reads nor writes it.</summary>
public sealed class ShortlistApiTests : IAsyncLifetime
{
    private ApiFactory api = null!;

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    private static async Task<Guid> LearnerAsync(string name, bool visible, string[] parts)
    {
        var id = await TestLearners.CreateAsync(name);
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE learners SET visible_to_employers = @visible, visible_parts = @parts WHERE id = @id", new { id, visible, parts });
        return id;
    }

    [Fact]
    public async Task Employer_shortlists_consenting_learners_for_its_own_posting_and_no_other_employer_sees_the_list()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var owner = await api.CreateClientAsync(Role.Employer, subject: "org-" + tag);
        using var other = await api.CreateClientAsync(Role.Employer, subject: "rival-" + tag);
        var posted = await owner.PostAsJsonAsync("/jobs", new Dictionary<string, object?>
        {
            ["identifier"] = "shortlist-" + tag, ["title"] = "Data clerk", ["description"] = "Enters data.", ["hiringOrganization"] = new { name = "org-" + tag },
        });
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        var posting = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var named = await LearnerAsync("Named " + tag, visible: true, ["skills", "contact"]);
        var anonymous = await LearnerAsync("Anonymous " + tag, visible: true, ["skills"]);
        var hidden = await LearnerAsync("Hidden " + tag, visible: false, ["skills", "contact"]);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PutAsync($"/jobs/{posting}/shortlist/{named}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PutAsync($"/jobs/{posting}/shortlist/{anonymous}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PutAsync($"/jobs/{posting}/shortlist/{named}", null)).StatusCode); // again: unchanged
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PutAsync($"/jobs/{posting}/shortlist/{hidden}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsync($"/jobs/{posting}/shortlist/{named}", null)).StatusCode);

        var list = (await owner.GetFromJsonAsync<JsonElement>($"/jobs/{posting}/shortlist")).EnumerateArray().ToList();
        Assert.Equal([named, anonymous], list.Select(e => e.GetProperty("learnerId").GetGuid()).ToArray());
        Assert.Equal("Named " + tag, list[0].GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, list[1].GetProperty("displayName").ValueKind); // contact not shared: no name, no e-mail
        Assert.Equal(JsonValueKind.Null, list[1].GetProperty("email").ValueKind);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>($"/jobs/{posting}/shortlist")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/jobs/{posting}/shortlist/{named}")).StatusCode);

        // A learner who withdraws consent drops out of the list at once.
        await using (var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync())
            await conn.ExecuteAsync("UPDATE learners SET visible_to_employers = false WHERE id = @anonymous", new { anonymous });
        Assert.Single((await owner.GetFromJsonAsync<JsonElement>($"/jobs/{posting}/shortlist")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/jobs/{posting}/shortlist/{named}")).StatusCode);
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>($"/jobs/{posting}/shortlist")).EnumerateArray());
    }

    [Fact]
    public async Task Closed_posting_is_reopened_by_its_owner_only()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var owner = await api.CreateClientAsync(Role.Employer, subject: "org-" + tag);
        using var other = await api.CreateClientAsync(Role.Employer);
        var posted = await owner.PostAsJsonAsync("/jobs", new Dictionary<string, object?>
        {
            ["identifier"] = "reopen-" + tag, ["title"] = "Data clerk", ["description"] = "Enters data.", ["hiringOrganization"] = new { name = "org-" + tag },
        });
        var posting = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/jobs/{posting}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/jobs/{posting}/reopen", null)).StatusCode);
        var reopened = await owner.PostAsync($"/jobs/{posting}/reopen", null);
        Assert.Equal("open", (await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }
}
