using SkillsMatch.Bench;

namespace SkillsMatch.Tests.Bench;

[Trait("Category", "Unit")]
public sealed class CredentialBenchmarkTests
{
    [Fact]
    public async Task EdDsa_benchmark_verifies_and_reports_a_rate()
    {
        var perSecond = await CredentialBenchmark.RunEdDsaJwtAsync(200);

        Assert.True(perSecond > 0);
    }
}
