using SkillsMatch.Bench;

namespace SkillsMatch.Tests.Bench;

[Trait("Category", "Unit")]
public class BenchmarkPostingsTests
{
    [Fact]
    public void Benchmark_postings_repeat_no_sentence()
    {
        var labels = Enumerable.Range(0, 300).Select(i => $"skill number {i}").ToList();
        var postings = BenchmarkPostings.Generate(labels, 100);
        Assert.All(postings, p => Assert.InRange(p.Length, 2048, 2200));
        Assert.Equal(0, BenchmarkPostings.RepeatedLines(postings));
    }
}
