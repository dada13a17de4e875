using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Credentials.Storage;

namespace SkillsMatch.Tests.Credentials.Storage;

/// <summary>Re-verification on demand and on schedule: a revoked or expired credential lowers its skills' tiers at once.</summary>
[Collection(StoredCredentialsGroup.Name)]
public sealed class CredentialReverificationTests
{
    private readonly CredentialApiFixture f;

    public CredentialReverificationTests(CredentialApiFixture fixture)
    {
        f = fixture;
        f.Clock.Now = FixedClock.Default;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Revocation_found_on_re_verification_removes_the_credentials_evidence_and_a_cleared_status_bit_restores_it(bool bitstring)
    {
        using var key = TestKey.Ed25519();
        await f.RegisterIssuerAsync(key.DidKey, trusted: true);
        var learner = await f.CreateHolderAsync();
        var url = f.Server.Url($"/status/{Guid.NewGuid():N}");
        var path = new Uri(url).AbsolutePath;
        f.Server.Serve(path, StatusLists.ListCredential(url, key.DidKey, "revocation", bitstring, 7).ToJsonString());
        var credential = f.SkillsCredential(key.DidKey);
        credential["credentialStatus"] = StatusLists.Entry(url, "revocation", 4242, bitstring);
        var stored = await CredentialApiFixture.JsonAsync(await f.SubmitAsync(learner, key.Sign(Ob3.Payload(credential), kid: key.DidKeyMethod)));
        Assert.Equal("credentialVerified", CredentialApiFixture.Skills(stored)["sql"].Tier);
        var verify = $"/learners/{learner}/credentials/{stored.GetProperty("id").GetString()}/verify";

        f.Server.Serve(path, StatusLists.ListCredential(url, key.DidKey, "revocation", bitstring, 7, 4242).ToJsonString());
        var revoked = await CredentialApiFixture.JsonAsync(await f.Client.PostAsync(verify, null));

        Assert.Equal(("revoked", false), (revoked.GetProperty("status").GetString(), revoked.GetProperty("verified").GetBoolean()));
        Assert.Contains(revoked.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "revoked");
        Assert.Empty(CredentialApiFixture.Skills(revoked));
        Assert.Equal((1L, 0L), await f.CountsAsync(learner));

        f.Server.Serve(path, StatusLists.ListCredential(url, key.DidKey, "revocation", bitstring, 7).ToJsonString());
        var restored = await CredentialApiFixture.JsonAsync(await f.Client.PostAsync(verify, null));
        Assert.Equal("credentialVerified", CredentialApiFixture.Skills(restored)["sql"].Tier);
    }

    [Fact]
    public async Task Scheduled_pass_re_checks_a_credential_when_it_expires_and_drops_its_skills_to_attested()
    {
        using var key = TestKey.Ed25519();
        await f.RegisterIssuerAsync(key.DidKey, trusted: true);
        var learner = await f.CreateHolderAsync();
        var until = FixedClock.Default.AddHours(12); // sooner than the daily re-check
        var stored = await CredentialApiFixture.JsonAsync(await f.SubmitAsync(learner,
            key.Sign(Ob3.Payload(f.SkillsCredential(key.DidKey, validUntil: until)), kid: key.DidKeyMethod)));
        Assert.Equal("credentialVerified", CredentialApiFixture.Skills(stored)["sql"].Tier);
        // Due when it expires, not a day later.
        Assert.Equal(until.UtcDateTime, stored.GetProperty("nextCheckAt").GetDateTime());
        var pass = f.Api.Services.GetRequiredService<ScheduledReverification>();

        f.Clock.Now = until.AddHours(-1);
        await pass.RunPassAsync(CancellationToken.None);
        var early = await GetAsync(learner, stored);
        f.Clock.Now = until.AddMinutes(10); // beyond the five minutes of clock skew
        var rechecked = await pass.RunPassAsync(CancellationToken.None);
        var expired = await GetAsync(learner, stored);

        Assert.Equal("credentialVerified", CredentialApiFixture.Skills(early)["sql"].Tier);
        Assert.True(rechecked >= 1);
        Assert.False(expired.GetProperty("verified").GetBoolean());
        Assert.Contains(expired.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "expired");
        var skills = CredentialApiFixture.Skills(expired);
        Assert.Equal("attested", skills["sql"].Tier);
        Assert.Equal("attested", skills["data-visualisation"].Tier);
        Assert.Contains(skills.Values, s => s.Tier == "inferred");
        Assert.True(expired.GetProperty("nextCheckAt").GetDateTime() > f.Clock.Now.UtcDateTime);
    }

    [Fact]
    public async Task Trusting_an_issuer_makes_its_credentials_due_and_the_pass_raises_their_skills_to_credential_verified()
    {
        using var key = TestKey.Ed25519();
        var issuer = await f.RegisterIssuerAsync(key.DidKey, trusted: false);
        var learner = await f.CreateHolderAsync();
        var stored = await CredentialApiFixture.JsonAsync(await f.SubmitAsync(learner, key.Sign(Ob3.Payload(f.SkillsCredential(key.DidKey)), kid: key.DidKeyMethod)));
        Assert.Equal("attested", CredentialApiFixture.Skills(stored)["sql"].Tier);

        var put = await f.Client.PutAsJsonAsync($"/issuers/{issuer.Id}", new
        {
            issuerUri = key.DidKey, name = issuer.Name, trusted = true, framework = "Ontario Micro-credentials Framework", lastReview = "2026-01-15",
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await using (var conn = await f.Db.OpenConnectionAsync())
        {
            var due = await conn.QuerySingleAsync<DateTime>("SELECT next_check_at FROM learner_credentials WHERE learner_id = @learner", new { learner });
            Assert.True(due <= f.Clock.Now.UtcDateTime);
        }
        await f.Api.Services.GetRequiredService<ScheduledReverification>().RunPassAsync(CancellationToken.None);

        var raised = await GetAsync(learner, stored);
        Assert.True(raised.GetProperty("verified").GetBoolean());
        Assert.Equal("credentialVerified", CredentialApiFixture.Skills(raised)["sql"].Tier);
    }

    [Fact]
    public async Task Re_verifying_an_unknown_credential_is_a_404()
    {
        var learner = await f.CreateHolderAsync();

        var response = await f.Client.PostAsync($"/learners/{learner}/credentials/{Guid.NewGuid()}/verify", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Credential not found", (await CredentialApiFixture.JsonAsync(response)).GetProperty("title").GetString());
    }

    private async Task<JsonElement> GetAsync(Guid learner, JsonElement stored) =>
        await CredentialApiFixture.JsonAsync(await f.Client.GetAsync($"/learners/{learner}/credentials/{stored.GetProperty("id").GetString()}"));
}
