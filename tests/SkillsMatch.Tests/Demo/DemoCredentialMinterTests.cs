using System.Text.Json;
using SkillsMatch.Credentials;
using SkillsMatch.Demo;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Demo;

[Trait("Category", "Unit")]
public sealed class DemoCredentialMinterTests
{
    private static readonly DemoAchievement Sql = new(
        "https://lakeshore-polytechnic.example/achievements/sql-analysts", "SQL for Data Analysts",
        "Query relational databases with SQL.", "Passed a proctored practical exam.",
        [new DemoAlignment("sql", "SQL"), new DemoAlignment("sql-joins", "SQL joins")], Hours: 30, AssessmentType: "proctored exam");

    [Fact]
    public async Task A_minted_demo_credential_verifies_offline_against_the_committed_issuer_key()
    {
        var issuer = ShippedIssuer("lakeshore");
        var minter = new DemoCredentialMinter(issuer.GetProperty("name").GetString()!, Convert.FromHexString(issuer.GetProperty("demoSigningSeedHex").GetString()!));
        Assert.Equal(issuer.GetProperty("id").GetString(), minter.IssuerId);

        var jwt = minter.Mint(Sql, "sarah.thompson@example.com", DateTimeOffset.UtcNow.AddDays(-10), validUntil: null);
        using var http = new CredentialHttpClient(new CredentialHttpOptions());
        var verdict = await new CredentialVerifier(http).VerifyAsync(jwt, new ExpectedRecipient(Email: "sarah.thompson@example.com"));

        Assert.True(verdict.SignatureValid, string.Join("; ", verdict.Reasons.Select(r => r.Code)));
        Assert.True(verdict.KeyBoundToIssuer);
        Assert.Equal(RecipientMatch.Matched, verdict.Recipient);
        Assert.Equal(30, verdict.Achievements.Single().Microcredential.Hours);
        Assert.Equal(["sql", "sql-joins"], verdict.Achievements.Single().Alignments.Select(a => a.TargetCode));
    }

    [Fact]
    public async Task The_recipient_hash_does_not_match_someone_else()
    {
        var issuer = ShippedIssuer("plains");
        var minter = new DemoCredentialMinter("Northern Plains College", Convert.FromHexString(issuer.GetProperty("demoSigningSeedHex").GetString()!));
        var jwt = minter.Mint(Sql, "kwame.asante@example.com", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var http = new CredentialHttpClient(new CredentialHttpOptions());
        var verdict = await new CredentialVerifier(http).VerifyAsync(jwt, new ExpectedRecipient(Email: "someone.else@example.com"));
        Assert.True(verdict.SignatureValid);
        Assert.Equal(RecipientMatch.Mismatch, verdict.Recipient);
    }

    private static JsonElement ShippedIssuer(string key)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ShippedTaxonomy.RepositoryFile("data", "demo", "issuers.json")));
        return document.RootElement.GetProperty("issuers").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key).Clone();
    }
}
