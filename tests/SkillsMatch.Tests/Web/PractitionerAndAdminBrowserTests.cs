using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace SkillsMatch.Tests.Web;

/// <summary>
/// The practitioner's and the admin's tasks in a real browser, with the keyboard alone: a placement board told in names
/// and titles, the cohort heatmap with its suppressed groups, demand against supply, and the issuer trust registry.
/// Every page is screenshotted and must pass axe-core with no serious or critical violation.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class PractitionerAndAdminBrowserTests(WebWorld world)
{
    [Fact]
    public async Task Practitioner_places_two_learners_in_one_place_and_sees_names_titles_and_why_one_stayed_unassigned()
    {
        var page = await SignedInAsync(world.PractitionerKey, "/app/practitioner/placements");
        await WebWorld.CheckPageAsync(page, "practitioner-placements-empty");

        await CheckWithKeyboardAsync(page.GetByLabel(world.VisibleName));
        await CheckWithKeyboardAsync(page.GetByLabel(world.HiddenName));
        await page.FocusAsync("#q");
        await page.Keyboard.TypeAsync(world.PostingTitle);
        await page.Keyboard.PressAsync("Enter"); // the form's first button: search, keeping what was chosen
        await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));
        Assert.True(await page.GetByLabel(world.VisibleName).IsCheckedAsync());
        await CheckWithKeyboardAsync(page.Locator("tr", new() { HasText = world.PostingTitle }).GetByRole(AriaRole.Checkbox));
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the assignment" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("table.placements");

        var results = await page.InnerTextAsync("table.placements");
        Assert.Contains(world.VisibleName, results, StringComparison.Ordinal);
        Assert.Contains(world.HiddenName, results, StringComparison.Ordinal);
        Assert.Contains(world.PostingTitle, results, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("tr.assigned").CountAsync());
        var unassigned = await page.InnerTextAsync("tr.unassigned");
        Assert.Contains("Not placed", unassigned, StringComparison.Ordinal);
        Assert.Contains("the places went to others", unassigned, StringComparison.Ordinal);
        var placed = await page.InnerTextAsync("tr.assigned th");
        Assert.Contains(placed, unassigned, StringComparison.Ordinal); // names who took the place
        // Outcomes are recorded on their own page, handed the pair.
        var outcome = await page.Locator("tr.assigned a").GetAttributeAsync("href");
        Assert.StartsWith("/app/outcomes?learner=", outcome, StringComparison.Ordinal);
        Assert.Contains("&posting=" + world.Posting, outcome, StringComparison.Ordinal);
        await WebWorld.CheckPageAsync(page, "practitioner-placements");
    }

    [Fact]
    public async Task Practitioner_caseload_shows_each_learners_top_matches_and_gaps()
    {
        await world.EnsureCohortAsync();
        var page = await SignedInAsync(world.PractitionerKey, "/app/practitioner/caseload");
        // Ada holds the world posting's skills: her top matches list open postings with their fit.
        var ada = page.Locator("tbody tr", new() { HasText = world.VisibleName });
        Assert.True(await ada.Locator("td ul li").CountAsync() > 0, await ada.InnerTextAsync());
        Assert.Contains("Fit", await ada.InnerTextAsync(), StringComparison.Ordinal);
        // A cohort learner aiming at data analyst with no skills has gaps, each with the open postings requiring it.
        var cohort = await page.Locator("tbody tr", new() { HasText = world.CohortName(4) }).InnerTextAsync();
        Assert.Contains("open postings", cohort, StringComparison.Ordinal);
        Assert.Contains("Credentials pending binding", await page.InnerTextAsync("table thead"), StringComparison.Ordinal);
        await WebWorld.CheckPageAsync(page, "practitioner-caseload-detail");
    }

    [Fact]
    public async Task Practitioner_heatmap_table_counts_a_group_of_five_and_shows_a_group_of_two_as_suppressed()
    {
        await world.EnsureCohortAsync();
        var page = await SignedInAsync(world.PractitionerKey, "/app/practitioner/skill-gaps");

        var analyst = await Row(page, "junior data analyst");
        Assert.Contains("of 5 lack it", analyst, StringComparison.Ordinal);
        Assert.Contains("3 of 5 lack it", analyst, StringComparison.Ordinal); // SQL: two of the five hold it
        var accountant = await Row(page, "accountant");
        Assert.Contains("suppressed", accountant, StringComparison.Ordinal);
        Assert.DoesNotContain(" of 2 ", accountant, StringComparison.Ordinal);
        Assert.True(await page.Locator("figure.chart svg[role=img] title").CountAsync() == 1);
        await WebWorld.CheckPageAsync(page, "practitioner-skill-gaps");
    }

    [Fact]
    public async Task Practitioner_sees_demand_against_consenting_supply_in_a_region()
    {
        await world.EnsureCohortAsync();
        var page = await SignedInAsync(world.PractitionerKey, "/app/practitioner/demand-supply");
        await page.FocusAsync("#region");
        await page.SelectOptionAsync("#region", "CA-ON");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**region=CA-ON");
        var table = await page.InnerTextAsync("table.demand-supply");
        Assert.Contains("SQL", table, StringComparison.OrdinalIgnoreCase);
        await WebWorld.CheckPageAsync(page, "practitioner-demand-supply");
    }

    [Fact]
    public async Task Practitioner_heatmap_renders_in_french()
    {
        await world.EnsureCohortAsync();
        var page = await SignedInAsync(world.PractitionerKey, "/app/practitioner/skill-gaps", "fr-CA");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        var text = await page.InnerTextAsync("main");
        Assert.Contains("Lacunes de compétences de la cohorte", text, StringComparison.Ordinal);
        Assert.Contains("masqué", text, StringComparison.Ordinal);
        Assert.Contains("sur 5 ne l'ont pas", text, StringComparison.Ordinal);
        Assert.True(text.Contains("analyste de données junior", StringComparison.Ordinal), "no French occupation title in: " + text); // the occupation's French title
        await WebWorld.CheckPageAsync(page, "practitioner-skill-gaps-fr");
        await page.GotoAsync("/app/practitioner/placements");
        Assert.Contains("Tableau des placements", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await WebWorld.CheckPageAsync(page, "practitioner-placements-fr");
    }

    [Fact]
    public async Task Admin_adds_an_issuer_then_distrusts_it_with_the_keyboard()
    {
        var page = await SignedInAsync(world.AdminKey, "/app/admin/issuers");
        await WebWorld.CheckPageAsync(page, "admin-issuers");

        // A wrong id is refused, saying why, and nothing is added.
        await page.FocusAsync("#issuer-uri");
        await page.Keyboard.TypeAsync("northern college");
        await page.FocusAsync("#issuer-name");
        await page.Keyboard.TypeAsync("Nameless " + world.Tag);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an issuer" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[role=alert]", new() { HasText = "neither a DID nor an absolute https URL" }).WaitForAsync();
        Assert.DoesNotContain("Nameless " + world.Tag, await page.InnerTextAsync("table.issuers"), StringComparison.Ordinal);
        await page.FillAsync("#issuer-uri", "");
        await page.FillAsync("#issuer-name", "");

        var name = "Northern College " + world.Tag;
        var uri = $"https://{world.Tag}.college.example/issuer";
        await page.FocusAsync("#issuer-uri");
        await page.Keyboard.TypeAsync(uri);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(name);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space"); // trusted
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Ontario Ministry of Colleges");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Ontario Micro-credentials Framework");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an issuer" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[role=status]", new() { HasText = "was added" }).WaitForAsync();
        var row = page.Locator("table.issuers tr", new() { HasText = name });
        Assert.Contains("Trusted", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Ontario Micro-credentials Framework", await row.InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Distrust " + name }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[role=status]", new() { HasText = "no longer trusted" }).WaitForAsync();
        Assert.Contains("Not trusted", await page.Locator("table.issuers tr", new() { HasText = name }).InnerTextAsync(), StringComparison.Ordinal);
        await WebWorld.CheckPageAsync(page, "admin-issuers-distrusted");

        // The registry itself says so, with today's review and the accrediting body kept.
        using var api = new HttpClient { BaseAddress = new Uri(world.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", world.AdminKey);
        var issuer = (await api.GetFromJsonAsync<JsonElement>("/issuers")).EnumerateArray().Single(i => i.GetProperty("issuerUri").GetString() == uri);
        Assert.False(issuer.GetProperty("trusted").GetBoolean());
        Assert.Equal("Ontario Ministry of Colleges", issuer.GetProperty("accreditingBody").GetString());
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), issuer.GetProperty("lastReview").GetString());
    }

    private async Task<IPage> SignedInAsync(string key, string path, string locale = "en-CA")
    {
        var page = await world.NewPageAsync(locale);
        await WebWorld.SignInAsync(page, key);
        await page.GotoAsync(path);
        return page;
    }

    private static Task<string> Row(IPage page, string header) =>
        page.Locator("table.heatmap tbody tr", new() { Has = page.Locator("th", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + header + "$") }) }).InnerTextAsync();

    private static async Task CheckWithKeyboardAsync(ILocator checkbox)
    {
        await checkbox.FocusAsync();
        await checkbox.Page.Keyboard.PressAsync("Space");
        Assert.True(await checkbox.IsCheckedAsync());
    }
}
