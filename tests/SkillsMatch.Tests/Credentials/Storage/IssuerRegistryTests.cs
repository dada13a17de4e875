using System.Net;
using System.Net.Http.Json;
using SkillsMatch.Cli;
using SkillsMatch.Credentials.Trust;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Credentials.Storage;

[Collection(StoredCredentialsGroup.Name)]
public sealed class IssuerRegistryTests(CredentialApiFixture f)
{
    [Fact]
    public async Task Issuers_are_created_read_replaced_and_deleted_through_the_api()
    {
        var uri = $"did:web:college-{Guid.NewGuid():N}.example";
        var created = await f.Client.PostAsJsonAsync("/issuers", new
        {
            issuerUri = uri, name = "Lakeshore College", trusted = true, accreditingBody = "Ontario MCU",
            framework = "Ontario Micro-credentials Framework", lastReview = "2026-02-01", notes = "reviewed in person",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var issuer = (await created.Content.ReadFromJsonAsync<Issuer>())!;
        Assert.Equal($"/issuers/{issuer.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal((uri, true, new DateOnly(2026, 2, 1)), (issuer.IssuerUri, issuer.Trusted, issuer.LastReview));

        var duplicate = await f.Client.PostAsJsonAsync("/issuers", new { issuerUri = uri, name = "Again" });
        var listed = await f.Client.GetFromJsonAsync<List<Issuer>>("/issuers");
        var replaced = await f.Client.PutAsJsonAsync($"/issuers/{issuer.Id}", new { issuerUri = uri, name = "Lakeshore College", trusted = false });
        var read = await f.Client.GetFromJsonAsync<Issuer>($"/issuers/{issuer.Id}");
        var deleted = await f.Client.DeleteAsync($"/issuers/{issuer.Id}");
        var gone = await f.Client.GetAsync($"/issuers/{issuer.Id}");
        var deletedAgain = await f.Client.DeleteAsync($"/issuers/{issuer.Id}");

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains(listed!, i => i.Id == issuer.Id && i.Framework == "Ontario Micro-credentials Framework");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal((false, null, null), (read!.Trusted, read.Framework, read.LastReview));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }

    [Fact]
    public async Task Bad_issuer_input_is_a_400_and_stores_nothing()
    {
        var notUri = await f.Client.PostAsJsonAsync("/issuers", new { issuerUri = "Lakeshore College", name = "Lakeshore" });
        var noName = await f.Client.PostAsJsonAsync("/issuers", new { issuerUri = "did:web:noname.example", name = " " });
        var unknown = await f.Client.PutAsJsonAsync($"/issuers/{Guid.NewGuid()}", new { issuerUri = "did:web:x.example", name = "X" });

        Assert.Equal(HttpStatusCode.BadRequest, notUri.StatusCode);
        Assert.Contains("issuerUri", await notUri.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        // Other test classes add issuers in parallel, so look for these requests' own issuers rather than counting rows.
        var listed = (await f.Client.GetFromJsonAsync<List<Issuer>>("/issuers"))!;
        Assert.DoesNotContain(listed, i => i.IssuerUri is "Lakeshore College" or "did:web:noname.example" or "did:web:x.example");
    }

    [Fact]
    public async Task Cli_adds_shows_trusts_distrusts_and_removes_an_issuer()
    {
        var connection = await TestDatabase.ConnectionStringAsync();
        var registry = new IssuerRegistry(f.Db);
        var uri = $"https://issuer-{Guid.NewGuid():N}.example/profile";
        Task<int> Run(params string[] args) => SkillsMatchCli.RunAsync([.. args, "--connection", connection]);

        var added = await Run("issuers", "add", uri, "--name", "Prairie Polytechnic", "--framework", "Alberta Micro-credential Framework", "--last-review", "2026-01-31");
        var duplicate = await Run("issuers", "add", uri, "--name", "Prairie Polytechnic");
        var badDate = await Run("issuers", "add", uri + "/2", "--name", "P", "--last-review", "31/01/2026");
        var listed = await Run("issuers", "list");
        var shown = await Run("issuers", "show", uri);
        var afterAdd = await registry.FindAsync(uri, CancellationToken.None);
        var trusted = await Run("issuers", "trust", afterAdd!.Id.ToString());
        var afterTrust = await registry.FindAsync(uri, CancellationToken.None);
        var distrusted = await Run("issuers", "distrust", uri);
        var afterDistrust = await registry.FindAsync(uri, CancellationToken.None);
        var removed = await Run("issuers", "remove", uri);
        var missing = await Run("issuers", "show", uri);

        Assert.Equal((0, 1, 1, 0, 0), (added, duplicate, badDate, listed, shown));
        Assert.Equal((false, "Alberta Micro-credential Framework", new DateOnly(2026, 1, 31)), (afterAdd.Trusted, afterAdd.Framework, afterAdd.LastReview));
        Assert.Equal((0, true), (trusted, afterTrust!.Trusted));
        Assert.Equal((0, false), (distrusted, afterDistrust!.Trusted));
        Assert.Equal((0, 1), (removed, missing));
        Assert.Null(await registry.FindAsync(uri, CancellationToken.None));
        Assert.Null(await registry.FindAsync(uri + "/2", CancellationToken.None));
    }
}
