using SkillsMatch.Embeddings;

namespace SkillsMatch.Tests.Embeddings;

[Trait("Category", "Unit")]
public class BatchPlanTests
{
    [Fact]
    public void Texts_of_similar_length_share_one_batch()
    {
        Assert.Equal([(0, 6)], BatchPlan.Split([4, 5, 5, 6, 7, 8], maxRows: 32));
    }

    [Fact]
    public void Short_texts_are_not_padded_to_a_long_one_when_a_second_run_costs_less()
    {
        // One batch: 20 + 5 × 40 = 220 tokens; split: 20 + 3 × 3 + 20 + 2 × 40 = 129.
        Assert.Equal([(0, 3), (3, 5)], BatchPlan.Split([3, 3, 3, 40, 40], maxRows: 32));
    }

    [Fact]
    public void Batches_cover_every_text_in_order_and_respect_the_row_limit()
    {
        int[] lengths = [.. Enumerable.Range(0, 100).Select(i => 3 + i / 10)];

        var batches = BatchPlan.Split(lengths, maxRows: 8);

        Assert.Equal(0, batches[0].Start);
        Assert.Equal(lengths.Length, batches[^1].End);
        for (int i = 1; i < batches.Count; i++) Assert.Equal(batches[i - 1].End, batches[i].Start);
        Assert.All(batches, b => Assert.InRange(b.End - b.Start, 1, 8));
        Assert.Empty(BatchPlan.Split([], maxRows: 8));
    }
}
