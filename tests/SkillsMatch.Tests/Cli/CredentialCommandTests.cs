using SkillsMatch.Cli;

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
}
