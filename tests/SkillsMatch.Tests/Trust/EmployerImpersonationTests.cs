using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Trust;

/// <summary>
/// Issue 15, impersonation and squatting: an employer key speaks for one organisation (its subject), so a posting's
/// hiringOrganization is that organisation or one of the brands an admin listed for it; posting identifiers are unique
/// per organisation, so a rival cannot take another employer's identifier first.
/// </summary>
public sealed class EmployerImpersonationTests : IAsyncLifetime
{
    private readonly string tag = Guid.NewGuid().ToString("N")[..8];
    private ApiFactory api = null!;

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    private Dictionary<string, object?> Posting(string identifier, string organisation) => new()
    {
        ["@type"] = "JobPosting", ["identifier"] = $"{tag}-{identifier}", ["title"] = "Records clerk", ["description"] = "Files records.",
        ["hiringOrganization"] = new { name = organisation },
    };

    [Fact]
    public async Task An_employer_cannot_post_as_another_organisation_unless_an_admin_lists_it_as_a_brand()
    {
        using var acme = await api.CreateClientAsync(Role.Employer, subject: $"Acme {tag}");
        using var admin = await api.CreateClientAsync(Role.Admin);

        var impersonating = await acme.PostAsJsonAsync("/jobs", Posting("a", $"Globex {tag}"));
        var own = await acme.PostAsJsonAsync("/jobs", Posting("b", $"acme {tag}"));
        var brandBefore = await acme.PostAsJsonAsync("/jobs", Posting("c", $"Acme Labs {tag}"));
        var listed = await admin.PutAsJsonAsync($"/admin/organisations/{Uri.EscapeDataString($"Acme {tag}")}/brands", new { brands = new[] { $"Acme Labs {tag}" } });
        var brandAfter = await acme.PostAsJsonAsync("/jobs", Posting("c", $"Acme Labs {tag}"));

        Assert.Equal(HttpStatusCode.Forbidden, impersonating.StatusCode);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, brandBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, brandAfter.StatusCode);
    }

    [Fact]
    public async Task A_rival_taking_an_identifier_first_does_not_block_its_owner()
    {
        using var rival = await api.CreateClientAsync(Role.Employer, subject: $"Rival {tag}");
        using var owner = await api.CreateClientAsync(Role.Employer, subject: $"Owner {tag}");

        var squatted = await rival.PostAsJsonAsync("/jobs", Posting("req-42", $"Rival {tag}"));
        var real = await owner.PostAsJsonAsync("/jobs", Posting("req-42", $"Owner {tag}"));

        Assert.Equal(HttpStatusCode.Created, squatted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, real.StatusCode);
        var rivalId = (await squatted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var ownerId = (await real.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.NotEqual(rivalId, ownerId);
    }
}
