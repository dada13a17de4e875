using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SkillsMatch.Tests.Credentials;

namespace SkillsMatch.Tests.Web;

/// <summary>
/// A learner's own pages in a real browser, with the keyboard: add a credential and read its verdict, bind it, change
/// consent and watch the employer's card change, see gaps and plans, export and delete their data. Every page visited
/// is screenshotted and checked with axe-core.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class LearnerPagesTests(WebWorld world)
{
    [Fact]
    public async Task Learner_pastes_a_credential_and_reads_the_verdict_and_how_to_bind_it()
    {
        var page = await world.NewPageAsync();
        await WebWorld.SignInAsync(page, world.LearnerKey);
        await page.GotoAsync("/app/learner/credentials");
        await WebWorld.CheckPageAsync(page, "learner-credentials");

        // Signed by a did:key issuer the registry does not know, for a subject not bound to this learner: authentic, stored,
        // but not fully verified — and the page says why, in words, and how to bind it.
        using var issuer = TestKey.Ed25519();
        var credential = Ob3.Credential(issuer.DidKey, validFrom: DateTimeOffset.UtcNow.AddDays(-30));
        credential["credentialSubject"]!["achievement"]!["alignment"] = new JsonArray(new JsonObject
        {
            ["type"] = new JsonArray("Alignment"), ["targetName"] = "SQL", ["targetCode"] = "sql", ["targetFramework"] = "SkillsMatch",
            ["targetUrl"] = "https://skillsmatch.example/skills/sql",
        });
        var jwt = issuer.Sign(Ob3.Payload(credential), kid: issuer.DidKeyMethod);
        await WebWorld.TabToAsync(page, "pasted");
        await page.Keyboard.InsertTextAsync(jwt);
        await page.Keyboard.PressAsync("Tab"); // the URL field
        await page.Keyboard.PressAsync("Tab"); // the button
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#verdict-heading");

        var verdict = await page.InnerTextAsync(".verdict");
        Assert.Contains("Added, but not fully verified", verdict, StringComparison.Ordinal);
        Assert.Contains("not in our trust registry", verdict, StringComparison.Ordinal);
        Assert.Contains("not yet bound to you", verdict, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".verdict [data-reason=holder-not-bound]").CountAsync());
        Assert.Equal(1, await page.Locator(".verdict a[href='/app/learner/holder']").CountAsync());
        Assert.Contains("SQL for Analysts", await page.InnerTextAsync("table.data"), StringComparison.Ordinal);
        await WebWorld.CheckPageAsync(page, "learner-credentials-verdict");

        // A forged copy (one byte of the signature changed) is refused, and nothing more is stored.
        await page.GotoAsync("/app/learner/credentials");
        await page.FillAsync("#pasted", jwt[..^2] + (jwt[^2] == 'A' ? "B" : "A") + jwt[^1]);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#verdict-heading");
        Assert.Contains("Not added", await page.InnerTextAsync(".verdict"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("table.data tbody tr").CountAsync());

        // The same credential as a file: the upload field takes it (the same bytes again: the stored record, not a second one).
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "badge.jwt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(jwt) });
        await WebWorld.TabToAsync(page, "add-credential");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".verdict.accepted");
        Assert.Equal(1, await page.Locator("table.data tbody tr").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Verify an e-mail address" }).First.ClickAsync();
        await page.WaitForURLAsync("**/app/learner/holder");
        await WebWorld.CheckPageAsync(page, "learner-holder");
    }

    [Fact]
    public async Task Learner_changes_consent_and_the_employer_card_preview_changes_with_it()
    {
        var (_, key) = await world.NewLearnerAsync("Consenting Cleo");
        var page = await world.NewPageAsync();
        await WebWorld.SignInAsync(page, key);
        await page.GotoAsync("/app/learner/consent");
        Assert.Equal("hidden", await page.GetAttributeAsync("#preview [data-preview-state]", "data-preview-state"));
        await WebWorld.CheckPageAsync(page, "learner-consent");

        // Live: ticking a box (space bar) fetches the card for the new choice without saving anything. The learner shares
        // skills and contact, so once employers may find them the card carries their name and e-mail.
        await WebWorld.TabToAsync(page, "visible");
        await page.Keyboard.PressAsync("Space");
        await page.WaitForSelectorAsync("#preview .candidate");
        var named = await page.InnerTextAsync("#preview");
        Assert.Contains("Consenting Cleo", named, StringComparison.Ordinal);
        Assert.Contains("@example.test", named, StringComparison.Ordinal);
        Assert.Contains("(your best match)", named, StringComparison.Ordinal); // whichever open posting ranks the learner highest
        await WebWorld.CheckPageAsync(page, "learner-consent-preview");

        await WebWorld.TabToAsync(page, "part-contact");
        await page.Keyboard.PressAsync("Space");
        await page.WaitForFunctionAsync("() => document.querySelector('#preview')?.innerText.includes('Candidate (name not shared)')");
        Assert.DoesNotContain("Consenting Cleo", await page.InnerTextAsync("#preview"), StringComparison.Ordinal);
        Assert.DoesNotContain("@example.test", await page.InnerTextAsync("#preview"), StringComparison.Ordinal);

        // Nothing is stored until Save: a reload shows the stored consent again.
        await page.ReloadAsync();
        Assert.Equal("hidden", await page.GetAttributeAsync("#preview [data-preview-state]", "data-preview-state"));
        await WebWorld.TabToAsync(page, "visible");
        await page.Keyboard.PressAsync("Space");
        await WebWorld.TabToAsync(page, "save");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("form [role=status]");
        Assert.Contains("Consenting Cleo", await page.InnerTextAsync("#preview"), StringComparison.Ordinal);
        await page.GotoAsync("/app/learner/consent");
        Assert.True(await page.IsCheckedAsync("#visible"));
    }

    [Fact]
    public async Task Learner_sees_gaps_toward_the_target_role_with_the_fastest_and_cheapest_plans()
    {
        var page = await world.NewPageAsync();
        await WebWorld.SignInAsync(page, world.LearnerKey);
        await page.GotoAsync("/app/learner/gaps");
        Assert.Equal("data-analyst", await page.InputValueAsync("#occupation"));
        var text = await page.InnerTextAsync("main");
        Assert.Contains("Toward data analyst", text, StringComparison.Ordinal);
        Assert.Contains("dashboard design", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Fastest plan", text, StringComparison.Ordinal);
        Assert.Contains("Cheapest plan", text, StringComparison.Ordinal);
        var course = page.GetByRole(AriaRole.Link, new() { Name = world.OfferingTitle });
        Assert.Equal(2, await course.CountAsync()); // in both plans, linked to the offering
        Assert.Equal(WebWorld.OfferingUrl, await course.First.GetAttributeAsync("href"));
        Assert.Contains("English", await page.InnerTextAsync(".plan"), StringComparison.Ordinal); // the plan keeps to her language (English by default outside Québec)
        await WebWorld.CheckPageAsync(page, "learner-gaps");
    }

    [Fact]
    public async Task Learner_reads_gaps_in_french()
    {
        var page = await world.NewPageAsync("fr-CA");
        await WebWorld.SignInAsync(page, world.LearnerKey);
        await page.GotoAsync("/app/learner/gaps");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        var text = await page.InnerTextAsync("body");
        Assert.Contains("Mes lacunes et plans", text, StringComparison.Ordinal);
        Assert.Contains("Plan le plus rapide", text, StringComparison.Ordinal);
        Assert.Contains("Ce que voient les employeurs", text, StringComparison.Ordinal); // the navigation too
        await WebWorld.CheckPageAsync(page, "learner-gaps-fr");
    }

    [Fact]
    public async Task Learner_exports_their_data_and_deletes_it_only_after_confirming()
    {
        var (id, key) = await world.NewLearnerAsync("Leaving Lou");
        var page = await world.NewPageAsync();
        await WebWorld.SignInAsync(page, key);
        await page.GotoAsync("/app/learner/privacy");
        await WebWorld.CheckPageAsync(page, "learner-privacy");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download my data (JSON)" }).ClickAsync());
        using (var export = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)))
            Assert.Contains("Leaving Lou", export.RootElement.GetRawText(), StringComparison.Ordinal);

        // Without the confirmation word nothing happens.
        await WebWorld.TabToAsync(page, "confirm");
        await page.Keyboard.TypeAsync("yes");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[role=alert]");
        using var admin = world.ApiClient(world.AdminKey);
        Assert.True((await admin.GetAsync($"/learners/{id}")).IsSuccessStatusCode);

        await WebWorld.TabToAsync(page, "confirm");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("DELETE");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/signin?deleted=true");
        Assert.Contains("Your data was deleted", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync($"/learners/{id}")).StatusCode);
    }
}
