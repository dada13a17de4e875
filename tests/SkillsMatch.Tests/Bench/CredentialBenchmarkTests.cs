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

[Trait("Category", "Unit")]
public sealed class DataIntegrityBenchmarkTests
{
    [Fact]
    public async Task Data_integrity_benchmark_verifies_and_reports_rates()
    {
        var figures = await DataIntegrityBenchmark.RunAsync(20);

        Assert.True(figures.VerificationsPerSecond > 0);
        Assert.True(figures.LargeCredentialBytes > 80_000);
        Assert.True(figures.MillisecondsPer100KbCanonicalization > 0);
    }
}
