using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Web;

/// <summary>
/// The real API host on Kestrel (a real port, so a real browser can reach it) over the test database, Debian's chromium
/// driven by Playwright, and a small world: an employer with a posting, a learner who consents to be seen, one who does
/// not, and a practitioner with both on their caseload. Built once for the browser tests.
/// </summary>
public sealed partial class WebWorld : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private static readonly string[] SkillIds = ["sql", "python", "microsoft-excel", "power-bi"];
    private static readonly string[] SharedParts = ["skills", "contact"];
    private static readonly string[] TargetOccupations = ["data-analyst"];
    private static readonly string[] OfferingSkills = ["dashboard-design", "kpi-development", "data-storytelling"];

    private ApiFactory api = null!;
    private IPlaywright playwright = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string Tag { get; } = "web" + Guid.NewGuid().ToString("N")[..6];

    public string AdminKey { get; private set; } = "";
    public string EmployerKey { get; private set; } = "";
    public string PractitionerKey { get; private set; } = "";
    public string LearnerKey { get; private set; } = "";
    public Guid VisibleLearner { get; private set; }
    public string OfferingTitle => "Dashboards in a week " + Tag;
    public const string OfferingUrl = "https://courses.example.test/dashboards";
    private string practitionerKey = "";
    public Guid Posting { get; private set; }
    public string PostingTitle => "Data Analyst " + Tag;
    public string VisibleName => $"Ada Visible {Tag}";
    public string HiddenName => $"Nora Hidden {Tag}";

    /// <summary>Where screenshots go: TestResults/screenshots at the repository root (kept after the run).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(
        Path.GetDirectoryName(ShippedTaxonomy.RepositoryFile("SkillsMatch.sln"))!, "TestResults", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        api.UseKestrel(0);
        api.StartServer();
        BaseUrl = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        AdminKey = (await api.CreateKeyAsync(Role.Admin)).Secret;
        using var admin = Client(AdminKey);
        var employer = await api.CreateKeyAsync(Role.Employer, subject: "employer-" + Tag);
        EmployerKey = employer.Secret;
        var practitioner = await api.CreateKeyAsync(Role.Practitioner, subject: "practitioner-" + Tag);
        PractitionerKey = practitioner.Secret;

        using var employerClient = Client(EmployerKey);
        var posting = await employerClient.PostAsJsonAsync("/jobs", new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org/", ["@type"] = "JobPosting",
            ["identifier"] = new { value = Tag, propertyID = "test" },
            ["title"] = PostingTitle,
            ["description"] = "<ul><li>Write SQL queries</li><li>Build dashboards in Power BI</li><li>Clean data with Python</li><li>Microsoft Excel pivot tables</li></ul>",
            ["hiringOrganization"] = new { name = "employer-" + Tag }, // an employer key posts for its own organisation (its subject)
            // Yukon, onsite: no other test posts there, so the learner's default filter (own region, no remote jobs)
            // leaves this posting among a few rather than among every test's analyst postings in the shared database.
            ["jobLocation"] = new { address = new { addressRegion = "Yukon" } },
        });
        Assert.True(posting.IsSuccessStatusCode, await posting.Content.ReadAsStringAsync());
        Posting = (await posting.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var practitionerClient = Client(PractitionerKey);
        var visible = VisibleLearner = await CreateLearnerAsync(practitionerClient, VisibleName, visibleToEmployers: true);
        await CreateLearnerAsync(practitionerClient, HiddenName, visibleToEmployers: false);
        LearnerKey = (await api.CreateKeyAsync(Role.Learner, visible)).Secret;
        practitionerKey = PractitionerKey;
        // A course that closes the data analyst gaps, for the learner's gaps and plans page.
        var offering = await admin.PostAsJsonAsync("/catalog", new
        {
            externalId = "web-" + Tag, title = OfferingTitle, provider = "Web Test College", url = OfferingUrl, hours = 12, cost = 150,
            format = "online", language = "en", skills = OfferingSkills,
        });
        Assert.True(offering.IsSuccessStatusCode, await offering.Content.ReadAsStringAsync());

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (api is not null) await api.DisposeAsync();
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<Guid> CreateLearnerAsync(HttpClient practitioner, string name, bool visibleToEmployers)
    {
        var created = await practitioner.PostAsJsonAsync("/learners", new
        {
            displayName = name, email = name.Replace(' ', '.') + "@example.test", region = "CA-YT", remotePreference = "onsite", targetOccupations = TargetOccupations,
            consent = new { visibleToEmployers, parts = SharedParts },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var skills = new List<object>();
        foreach (var skill in SkillIds) skills.Add(new { skillId = await SkillsMatch.Tests.Learners.LearnerApiHost.SkillIdAsync(skill), level = "intermediate" });
        Assert.True((await practitioner.PutAsJsonAsync($"/learners/{id}/skills/self", new { skills })).IsSuccessStatusCode);
        var experience = await practitioner.PostAsJsonAsync($"/learners/{id}/experiences", new
        {
            kind = "experience", title = "Reporting analyst", description = "Wrote SQL queries for monthly reports. Built pivot tables in Microsoft Excel.",
        });
        Assert.True(experience.IsSuccessStatusCode, await experience.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>A learner of the test's own (consent changes, deletion), like the visible one but not seen by employers yet; its key.</summary>
    public async Task<(Guid Id, string Key)> NewLearnerAsync(string name)
    {
        using var practitioner = Client(practitionerKey);
        var id = await CreateLearnerAsync(practitioner, $"{name} {Tag}", visibleToEmployers: false);
        return (id, (await api.CreateKeyAsync(Role.Learner, id)).Secret);
    }

    /// <summary>An API client with <paramref name="key"/>, to check what a page stored.</summary>
    public HttpClient ApiClient(string key) => Client(key);

    /// <summary>Moves focus with Tab alone until the element with <paramref name="id"/> has it (fails if it never does).</summary>
    public static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 60 && await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != id; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal(id, await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));
    }

    /// <summary>A fresh browser session (own cookies) in <paramref name="locale"/>.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-CA")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BaseURL = BaseUrl });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in with the keyboard alone: Tab to the key field, type the key, Enter.</summary>
    public static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/signin");
        for (var i = 0; i < 20 && await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != "key"; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("key", await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));
        await page.Keyboard.TypeAsync(key);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    /// <summary>Saves a full-page screenshot and fails on any serious or critical axe-core violation.</summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{name}: axe-core violations: " + string.Join("; ", bad.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))})")));
    }
}
