using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace SkillsMatch.Tests.Web;

/// <summary>
/// An employer's pages in a real browser: post a job and review its extracted skills before publishing, close and reopen
/// it, search candidates by skill and evidence tier, shortlist one and read the shortlist. Screenshots and axe-core on each.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class EmployerPagesTests(WebWorld world)
{
    [Fact]
    public async Task Employer_posts_a_job_edits_the_extracted_skills_publishes_and_sees_it_in_postings()
    {
        var title = "Junior BI developer " + world.Tag;
        var page = await world.NewPageAsync();
        await WebWorld.SignInAsync(page, world.EmployerKey);
        await page.GotoAsync("/app/employer/postings/new");
        await WebWorld.CheckPageAsync(page, "employer-new-posting");

        await WebWorld.TabToAsync(page, "title");
        await page.Keyboard.TypeAsync(title);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.InsertTextAsync("Requirements:\n- Write SQL queries against our warehouse.\n- Build dashboards in Power BI.\nNice to have: Python scripting.");
        await WebWorld.TabToAsync(page, "region");
        await page.Keyboard.TypeAsync("ON");
        await WebWorld.TabToAsync(page, "extract");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("select[id^=choice-]");

        // Each extracted skill with the sentence it came from.
        var review = await page.InnerTextAsync("table.data");
        Assert.Contains("SQL", review, StringComparison.Ordinal);
        Assert.Contains("Write SQL queries against our warehouse.", review, StringComparison.Ordinal);
        Assert.Contains("Python", review, StringComparison.Ordinal);
        await WebWorld.CheckPageAsync(page, "employer-new-posting-review");

        await page.GetByLabel("Requirement for Python").SelectOptionAsync("remove");
        // The autocomplete suggests as the employer types; Enter in the field adds the skill.
        await WebWorld.TabToAsync(page, "add");
        await page.Keyboard.TypeAsync("Tabl");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#skill-suggestions option')].some(o => o.value === 'Tableau')");
        await page.Keyboard.TypeAsync("eau");
        await page.Keyboard.PressAsync("Escape"); // close the suggestions
        await WebWorld.TabToAsync(page, "add-button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelector('table.data')?.innerText.includes('Tableau') === true || document.querySelector('[role=alert]') !== null");
        Assert.Equal(0, await page.Locator("[role=alert]").CountAsync());
        Assert.Equal("remove", await page.GetByLabel("Requirement for Python").InputValueAsync()); // kept across the round trip
        Assert.Equal("required", await page.GetByLabel("Requirement for Tableau").InputValueAsync());

        await WebWorld.TabToAsync(page, "publish");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/app/employer/postings?published=*");
        Assert.Contains("Published: " + title, await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        Assert.Contains(title, await page.InnerTextAsync("#status-open + table"), StringComparison.Ordinal);
        await WebWorld.CheckPageAsync(page, "employer-postings-published");

        // What the page stored is what the API serves: Tableau required (the employer's), Python removed and kept removed.
        var id = new Uri(page.Url).Query.Split('=')[1];
        using var api = world.ApiClient(world.EmployerKey);
        var stored = await api.GetFromJsonAsync<JsonElement>($"/jobs/{id}");
        var skills = stored.GetProperty("skills").EnumerateArray().ToDictionary(s => s.GetProperty("label").GetString()!);
        Assert.Equal(("required", "employer"), (skills["Tableau"].GetProperty("requirement").GetString(), skills["Tableau"].GetProperty("source").GetString()));
        Assert.True(skills["Python"].GetProperty("removedByEmployer").GetBoolean());
        Assert.Equal("CA-ON", stored.GetProperty("region").GetString());

        // Close, then reopen, with the buttons of the postings page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Close " + title }).ClickAsync();
        await page.WaitForSelectorAsync("#status-closed");
        Assert.Contains(title, await page.InnerTextAsync("#status-closed + table"), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen " + title }).ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelector('[role=status]')?.innerText.includes('Reopened') === true");
        Assert.Equal("open", (await api.GetFromJsonAsync<JsonElement>($"/jobs/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Employer_searches_by_skill_and_tier_shortlists_a_candidate_and_reads_the_shortlist()
    {
        var page = await world.NewPageAsync();
        await WebWorld.SignInAsync(page, world.EmployerKey);
        await page.GotoAsync("/app/employer/search");
        await WebWorld.CheckPageAsync(page, "employer-search");

        await WebWorld.TabToAsync(page, "skill-1");
        await page.Keyboard.TypeAsync("SQL");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Microsoft Excel");
        await WebWorld.TabToAsync(page, "region");
        await page.Keyboard.TypeAsync("Yukon"); // the world's learners live there
        await WebWorld.TabToAsync(page, "search");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/app/employer/search?*");
        await page.WaitForSelectorAsync("h2:has-text('candidates')");
        var results = await page.InnerTextAsync("main");
        Assert.Contains(world.VisibleName, results, StringComparison.Ordinal);
        Assert.DoesNotContain(world.HiddenName, await page.ContentAsync(), StringComparison.Ordinal);
        await WebWorld.CheckPageAsync(page, "employer-search-results");

        // Credential-verified only: the learner's skills are self-declared and inferred, so they drop out.
        await page.SelectOptionAsync("#minTier", "credential-verified");
        await page.ClickAsync("#search");
        await page.WaitForURLAsync("**minTier=credential-verified*");
        await page.WaitForSelectorAsync("h2:has-text('candidates')");
        Assert.DoesNotContain(world.VisibleName, await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.SelectOptionAsync("#minTier", "self-declared");
        await page.SelectOptionAsync("#posting", world.Posting.ToString());
        await page.ClickAsync("#search");
        await page.WaitForURLAsync("**minTier=self-declared*");
        var card = page.Locator($"li.candidate[data-learner='{world.VisibleLearner}']");
        await card.GetByRole(AriaRole.Button).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[role=status]:has-text('Added to the shortlist')");

        await page.GotoAsync($"/app/employer/postings/{world.Posting}/shortlist");
        var shortlist = await page.InnerTextAsync("main");
        Assert.Contains(world.VisibleName, shortlist, StringComparison.Ordinal);
        Assert.Contains("@example.test", shortlist, StringComparison.Ordinal); // the learner shares contact details
        await WebWorld.CheckPageAsync(page, "employer-shortlist");
    }
}
