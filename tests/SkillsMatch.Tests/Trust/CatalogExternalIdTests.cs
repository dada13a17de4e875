using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Access;
using SkillsMatch.Catalog;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Trust;

/// <summary>
/// Issue 15, squatting in the catalog: external ids are unique per issuer (issuerUri), so one issuer cannot take
/// another's id first, and a duplicate within one issuer is a 409 that says nothing about other issuers' offerings.
/// </summary>
public sealed class CatalogExternalIdTests : IAsyncLifetime
{
    private readonly string tag = Guid.NewGuid().ToString("N")[..8];
    private ApiFactory api = null!;

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    private string IssuerUri(string name) => $"https://{name}-{tag}.example/issuer";

    private object Offering(string issuer, string externalId, string title) => new
    {
        externalId = $"{tag}-{externalId}", title, provider = issuer, issuerUri = IssuerUri(issuer), format = "online", language = "en", skills = new[] { "sql" },
    };

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Two_issuers_may_use_the_same_external_id()
    {
        using var rival = await api.CreateClientAsync(Role.Issuer, subject: IssuerUri("rival"));
        using var owner = await api.CreateClientAsync(Role.Issuer, subject: IssuerUri("owner"));

        var squatted = await IdAsync(await rival.PostAsJsonAsync("/catalog", Offering("rival", "sql-101", "Rival SQL")));
        var real = await IdAsync(await owner.PostAsJsonAsync("/catalog", Offering("owner", "sql-101", "Owner SQL")));

        Assert.NotEqual(squatted, real);
        Assert.Equal("Rival SQL", (await (await rival.GetAsync($"/catalog/{squatted}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal("Owner SQL", (await (await owner.GetAsync($"/catalog/{real}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_duplicate_within_one_issuer_is_a_409_that_reveals_nothing_about_other_issuers()
    {
        using var other = await api.CreateClientAsync(Role.Issuer, subject: IssuerUri("other"));
        using var issuer = await api.CreateClientAsync(Role.Issuer, subject: IssuerUri("mine"));
        var othersId = await IdAsync(await other.PostAsJsonAsync("/catalog", Offering("other", "taken-elsewhere", "Other's course")));
        var first = await IdAsync(await issuer.PostAsJsonAsync("/catalog", Offering("mine", "one", "First")));
        var second = await IdAsync(await issuer.PostAsJsonAsync("/catalog", Offering("mine", "two", "Second")));

        // Another issuer's id is no obstacle, by POST or by renaming with PUT.
        Assert.Equal(HttpStatusCode.Created, (await issuer.PostAsJsonAsync("/catalog", Offering("mine", "taken-elsewhere", "Mine too"))).StatusCode);
        var renamed = await issuer.PutAsJsonAsync($"/catalog/{second}", Offering("mine", "renamed", "Second"));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var duplicate = await issuer.PostAsJsonAsync("/catalog", Offering("mine", "one", "Again"));
        var renamedOntoOwn = await issuer.PutAsJsonAsync($"/catalog/{second}", Offering("mine", "one", "Second"));

        foreach (var conflict in new[] { duplicate, renamedOntoOwn })
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            var body = await conflict.Content.ReadAsStringAsync();
            Assert.Contains(IssuerUri("mine"), body, StringComparison.Ordinal);
            Assert.DoesNotContain(IssuerUri("other"), body, StringComparison.Ordinal);
            Assert.DoesNotContain(othersId.ToString(), body, StringComparison.Ordinal);
            Assert.DoesNotContain(first.ToString(), body, StringComparison.Ordinal);
        }
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        Assert.Equal(4, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM catalog_offerings WHERE external_id LIKE @prefix", new { prefix = tag + "-%" }));
    }

    [Fact]
    public async Task An_import_keeps_each_issuers_offering_apart_and_updates_within_an_issuer()
    {
        string Line(string issuer, string title) =>
            $$"""{"externalId":"{{tag}}-shared","title":"{{title}}","provider":"{{issuer}}","issuerUri":"{{IssuerUri(issuer)}}","format":"online","language":"en","skills":["sql"]}""";
        var path = Path.Combine(Path.GetTempPath(), $"catalog-{tag}.jsonl");
        await File.WriteAllTextAsync(path, Line("north", "North SQL") + "\n" + Line("south", "South SQL") + "\n");
        var import = api.Services.GetRequiredService<CatalogImport>();

        var first = await import.RunAsync(path, null, CancellationToken.None);
        await File.WriteAllTextAsync(path, Line("north", "North SQL, revised") + "\n");
        var second = await import.RunAsync(path, null, CancellationToken.None);
        File.Delete(path);

        Assert.Equal((2, 0), (first.Inserted, first.Updated));
        Assert.Equal((0, 1), (second.Inserted, second.Updated));
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        var rows = (await conn.QueryAsync<(string Issuer, string Title, long Skills)>("""
            SELECT o.issuer_uri, o.title, (SELECT count(*) FROM catalog_offering_skills cs WHERE cs.offering_id = o.id)
              FROM catalog_offerings o WHERE o.external_id = @externalId ORDER BY o.issuer_uri
            """, new { externalId = $"{tag}-shared" })).ToList();
        Assert.Equal([(IssuerUri("north"), "North SQL, revised", 1L), (IssuerUri("south"), "South SQL", 1L)], rows);
    }
}
