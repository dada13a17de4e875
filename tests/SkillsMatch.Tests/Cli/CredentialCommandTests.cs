using System.Text.Json.Nodes;
using SkillsMatch.Cli;
using SkillsMatch.Tests.Credentials;

namespace SkillsMatch.Tests.Cli;

public sealed class CredentialCommandTests
{
    [Fact]
    public async Task Unverifiable_credential_exits_non_zero_and_a_missing_file_is_an_error()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"]}""");

        var unverified = await SkillsMatchCli.RunAsync(["credentials", "verify", file]);
        var missing = await SkillsMatchCli.RunAsync(["credentials", "verify", file + ".missing"]);

        Assert.Equal(3, unverified);
        Assert.Equal(1, missing);
        File.Delete(file);
    }

    [Theory]
    [InlineData("Completed", 0)]
    [InlineData("Failed", 3)]
    [InlineData("InProgress", 3)]
    public async Task A_result_that_is_not_completed_makes_verify_exit_non_zero(string status, int exitCode)
    {
        using var key = TestKey.Ed25519();
        var credential = Ob3.Credential(key.DidKey);
        credential["credentialSubject"]!["result"] = new JsonArray(
            new JsonObject { ["type"] = new JsonArray("Result"), ["resultDescription"] = "urn:rd:exam", ["status"] = status });
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, key.Sign(Ob3.Payload(credential), kid: key.DidKeyMethod));

        var exit = await SkillsMatchCli.RunAsync(["credentials", "verify", file]);

        File.Delete(file);
        Assert.Equal(exitCode, exit);
    }
}
