using System.Net.Http.Json;
using SkillsMatch.Taxonomy;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Taxonomy;

/// <summary><c>GET /skills</c> in French: <c>lang=fr</c> or Accept-Language, accents optional, French labels shown.</summary>
public sealed class FrenchAutocompleteTests : IAsyncLifetime
{
    private ApiFactory api = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        client = api.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task French_query_finds_the_french_label_and_shows_it()
    {
        var hits = await client.GetFromJsonAsync<List<SkillHit>>("/skills?q=infonuagique&lang=fr&taxonomy=skillsmatch&limit=5");

        Assert.Equal(("cloud-computing", "infonuagique", "exact"), (hits![0].ExternalId, hits[0].Label, hits[0].Match));
    }

    [Fact]
    public async Task Accents_are_optional_in_french()
    {
        var hits = await client.GetFromJsonAsync<List<SkillHit>>("/skills?q=securite%20infonuagique&lang=fr&taxonomy=skillsmatch&limit=5");

        Assert.Equal(("cloud-security", "sécurité infonuagique"), (hits![0].ExternalId, hits[0].Label));
        Assert.Equal("sécurité infonuagique", hits[0].MatchedLabel);
    }

    [Fact]
    public async Task Accept_language_that_prefers_french_searches_french_labels()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/skills?q=infonuagique&taxonomy=skillsmatch&limit=5");
        request.Headers.AcceptLanguage.ParseAdd("fr-CA,fr;q=0.9,en;q=0.5");
        using var response = await client.SendAsync(request);
        var hits = await response.Content.ReadFromJsonAsync<List<SkillHit>>();

        Assert.Equal(("cloud-computing", "infonuagique"), (hits![0].ExternalId, hits[0].Label));
    }

    [Fact]
    public async Task English_query_without_a_language_still_gets_english_labels()
    {
        var hits = await client.GetFromJsonAsync<List<SkillHit>>("/skills?q=cloud%20computing&taxonomy=skillsmatch&limit=3");

        Assert.Equal(("cloud-computing", "cloud computing"), (hits![0].ExternalId, hits[0].Label));
    }

    [Fact]
    public async Task A_product_name_is_found_in_french_too_and_labelled_in_french()
    {
        var hits = await client.GetFromJsonAsync<List<SkillHit>>("/skills?q=Power%20BI&lang=fr&taxonomy=skillsmatch&limit=3");

        Assert.Equal("power-bi", hits![0].ExternalId);
    }
}
