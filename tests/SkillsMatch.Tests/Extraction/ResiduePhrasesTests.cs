using SkillsMatch.Extraction;
using static SkillsMatch.Tests.Extraction.LexicalMatcherTests;

namespace SkillsMatch.Tests.Extraction;

[Trait("Category", "Unit")]
public class ResiduePhrasesTests
{
    private static List<ResiduePhrase> Phrases(string text) =>
        ResiduePhrases.Of(Assert.Single(TextAnalysis.Analyze(text, Matcher).Sentences));

    [Fact]
    public void Labels_requirement_phrasing_and_numbers_are_cut_out()
    {
        Assert.Equal(["data pipelines", "monthly reporting"],
            Phrases("5+ years of experience with Python and data pipelines for monthly reporting.").Select(p => p.Text));
    }

    [Fact]
    public void A_loose_alias_stays_in_the_phrase_that_corroborates_it()
    {
        var matcher = new LexicalMatcher([new(1, "journalism", true), new(1, "reporting", false), new(2, "Python", true)]);

        var phrases = ResiduePhrases.Of(Assert.Single(TextAnalysis.Analyze("Python and monthly reporting to finance.", matcher).Sentences));

        Assert.Equal(["monthly reporting", "finance"], phrases.Select(p => p.Text));
    }

    [Fact]
    public void Lists_split_into_their_items()
    {
        Assert.Equal(["troubleshoot printers", "peripherals", "basic network connectivity issues"],
            Phrases("Troubleshoot printers, peripherals and basic network connectivity issues.").Select(p => p.Text));
    }

    [Fact]
    public void A_phrase_points_at_its_original_wording_and_its_text_is_the_normalised_key()
    {
        const string text = "Prior work on Cloud  Infrastructure Costs (monthly).";

        var phrase = Phrases(text)[0];

        Assert.Equal("prior work", phrase.Text);
        var costs = Phrases(text)[1];
        Assert.Equal("cloud infrastructure costs", costs.Text);
        Assert.Equal("Cloud  Infrastructure Costs", text.Substring(costs.Start, costs.Length));
        Assert.Equal(3, costs.Words);
    }

    [Fact]
    public void A_long_stretch_without_separators_is_cut_into_short_phrases()
    {
        var words = string.Join(' ', Enumerable.Range(0, 14).Select(i => $"word{i}"));

        Assert.Equal([6, 6, 2], Phrases(words).Select(p => p.Words));
    }

    [Fact]
    public void A_sentence_fully_explained_by_labels_leaves_nothing()
    {
        Assert.Empty(Phrases("Python, SQL and Java."));
    }
}
