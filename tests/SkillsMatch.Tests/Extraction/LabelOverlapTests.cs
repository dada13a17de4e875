using SkillsMatch.Extraction;

namespace SkillsMatch.Tests.Extraction;

[Trait("Category", "Unit")]
public class LabelOverlapTests
{
    private static readonly LabelOverlap Overlap = new(
    [
        new ExtractionSkill(1, "s1", "manage budgets", ["control spending"], null),
        new ExtractionSkill(2, "s2", "manage staff", ["supervise employees"], null),
    ]);

    [Fact]
    public void The_best_label_counts_alternative_labels_included()
    {
        var words = LabelOverlap.SentenceWords("You will supervise our employees and control the spending.");
        Assert.Equal(1.0, Overlap.Of(2, words));
        Assert.Equal(1.0, Overlap.Of(1, words));
    }

    [Fact]
    public void Inflected_words_count_and_partial_overlap_is_a_share()
    {
        var words = LabelOverlap.SentenceWords("Managing a large team.");
        Assert.Equal(0.5, Overlap.Of(1, words));
        Assert.Equal(0, Overlap.Of(3, words));
    }
}
