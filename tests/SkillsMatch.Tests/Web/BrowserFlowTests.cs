using Microsoft.Playwright;

namespace SkillsMatch.Tests.Web;

/// <summary>
/// Each persona's main flow in a real browser (Debian's chromium) against the real API host and PostgreSQL: sign in with
/// the keyboard, do the task, check what the person sees. Every page visited is screenshotted (TestResults/screenshots)
/// and must pass axe-core with no serious or critical violation.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class BrowserFlowTests(WebWorld world)
{
    [Fact]
    public async Task Learner_signs_in_and_sees_skills_by_evidence_tier_and_matches_with_chips()
    {
        var page = await world.NewPageAsync();
        await page.GotoAsync("/signin");
        await WebWorld.CheckPageAsync(page, "signin");
        await WebWorld.SignInAsync(page, world.LearnerKey);
        Assert.EndsWith("/app", page.Url, StringComparison.Ordinal);
        // The app's own stylesheet is served (locally, to a signed-in and a signed-out browser alike).
        Assert.Equal("rgb(29, 63, 114)", await page.EvalOnSelectorAsync<string>("header.top", "e => getComputedStyle(e).backgroundColor"));
        await WebWorld.CheckPageAsync(page, "learner-home");

        await page.GetByRole(AriaRole.Link, new() { Name = "My skills" }).First.ClickAsync();
        var skills = await page.InnerTextAsync("main");
        Assert.Contains(world.VisibleName, skills, StringComparison.Ordinal);
        Assert.Contains("Self-declared", skills, StringComparison.Ordinal);
        Assert.Contains("Inferred from your experience", skills, StringComparison.Ordinal);
        Assert.Contains("SQL", skills, StringComparison.OrdinalIgnoreCase);
        await WebWorld.CheckPageAsync(page, "learner-skills");

        await page.GotoAsync("/app/learner/matches");
        Assert.Equal("CA-YT", await page.InputValueAsync("#region"));
        Assert.Equal("none", await page.InputValueAsync("#remote"));
        var matches = await page.InnerTextAsync("main");
        Assert.Contains(world.PostingTitle, matches, StringComparison.Ordinal);
        Assert.True(await page.Locator(".chip.met").CountAsync() > 0, "no matched chip on " + matches);
        await WebWorld.CheckPageAsync(page, "learner-matches");
    }

    [Fact]
    public async Task Employer_sees_consenting_candidates_with_explanations_and_never_a_non_consenting_learner()
    {
        var page = await world.NewPageAsync();
        await WebWorld.SignInAsync(page, world.EmployerKey);
        await page.GotoAsync("/app/employer/postings");
        Assert.Contains(world.PostingTitle, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await WebWorld.CheckPageAsync(page, "employer-postings");

        await page.GetByRole(AriaRole.Link, new() { Name = "Candidates for " + world.PostingTitle }).ClickAsync();
        var candidates = await page.InnerTextAsync("main");
        Assert.Contains(world.VisibleName, candidates, StringComparison.Ordinal);
        Assert.DoesNotContain(world.HiddenName, await page.ContentAsync(), StringComparison.Ordinal);
        // The visible learner shares skills and contact, not experience: her "Reporting analyst" job stays hers.
        Assert.DoesNotContain("Reporting analyst", candidates, StringComparison.Ordinal);
        Assert.True(await page.Locator(".chip").CountAsync() > 0);
        await WebWorld.CheckPageAsync(page, "employer-candidates");

        // A learner's own page is not an employer's: the role rule refuses it.
        var response = await page.GotoAsync("/app/learner/skills");
        Assert.Contains("/app/denied", page.Url, StringComparison.Ordinal);
        Assert.Equal(403, response!.Status);
        await WebWorld.CheckPageAsync(page, "denied");
    }

    [Fact]
    public async Task Employer_records_that_a_candidate_was_interviewed_and_sees_it_listed_in_english_and_french()
    {
        var page = await world.NewPageAsync();
        await WebWorld.SignInAsync(page, world.EmployerKey);
        await page.GotoAsync($"/app/outcomes?posting={world.Posting}");
        await page.GetByLabel("Learner id").FillAsync(world.VisibleLearner.ToString());
        await page.GetByLabel("Stage").SelectOptionAsync("interviewed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await page.GetByText("Outcome recorded.").WaitForAsync();
        var listed = await page.InnerTextAsync("table");
        Assert.Contains(world.PostingTitle, listed, StringComparison.Ordinal);
        Assert.Contains("Interviewed", listed, StringComparison.Ordinal);
        await WebWorld.CheckPageAsync(page, "employer-outcomes");

        var french = await world.NewPageAsync("fr-CA");
        await WebWorld.SignInAsync(french, world.EmployerKey);
        await french.GotoAsync($"/app/outcomes?posting={world.Posting}");
        Assert.Contains("Reçu en entrevue", await french.InnerTextAsync("table"), StringComparison.Ordinal);
        await WebWorld.CheckPageAsync(french, "employer-outcomes-fr");
    }

    [Fact]
    public async Task Practitioner_sees_caseload_by_name()
    {
        var page = await world.NewPageAsync();
        await WebWorld.SignInAsync(page, world.PractitionerKey);
        await page.GotoAsync("/app/practitioner/caseload");
        var caseload = await page.InnerTextAsync("main");
        Assert.Contains(world.VisibleName, caseload, StringComparison.Ordinal);
        Assert.Contains(world.HiddenName, caseload, StringComparison.Ordinal);
        await WebWorld.CheckPageAsync(page, "practitioner-caseload");
    }

    [Fact]
    public async Task Admin_sees_api_keys_without_their_secrets()
    {
        var page = await world.NewPageAsync();
        await WebWorld.SignInAsync(page, world.AdminKey);
        await page.GotoAsync("/app/admin/keys");
        // The newest 200 keys are listed; the search finds an older one (other tests create many keys meanwhile).
        await page.FocusAsync("#key-search");
        await page.Keyboard.TypeAsync("employer-" + world.Tag);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));
        var html = await page.ContentAsync();
        Assert.Contains("employer-" + world.Tag, html, StringComparison.Ordinal);
        Assert.DoesNotContain(world.EmployerKey, html, StringComparison.Ordinal);
        await WebWorld.CheckPageAsync(page, "admin-keys");
    }

    [Fact]
    public async Task French_is_chosen_by_accept_language_and_the_switch_overrides_it()
    {
        var page = await world.NewPageAsync("fr-CA");
        await WebWorld.SignInAsync(page, world.LearnerKey);
        await page.GotoAsync("/app/learner/skills");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        var text = await page.InnerTextAsync("body");
        Assert.Contains("Mes compétences", text, StringComparison.Ordinal);
        Assert.Contains("Autodéclarées", text, StringComparison.Ordinal);
        await WebWorld.CheckPageAsync(page, "learner-skills-fr");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/app/learner/skills");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("My skills", await page.InnerTextAsync("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_signing_out_ends_the_session()
    {
        var page = await world.NewPageAsync();
        await page.GotoAsync("/app/learner/skills");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#key", "sm_notakey_0000000000000000");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[role=alert]");
        Assert.Contains("unknown or revoked", await page.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);

        await WebWorld.SignInAsync(page, world.LearnerKey);
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "skillsmatch.session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/signin");
        await page.GotoAsync("/app/learner/skills");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<WebWorld>
{
    public const string Name = "browser";
}
