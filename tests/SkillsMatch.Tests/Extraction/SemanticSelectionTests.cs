using SkillsMatch.Extraction;
using static SkillsMatch.Tests.Extraction.LexicalMatcherTests;

namespace SkillsMatch.Tests.Extraction;

[Trait("Category", "Unit")]
public class SemanticSelectionTests
{
    private static List<string> Embedded(string text, int budget = 96, bool linking = false) =>
        SemanticSelection.Select(TextAnalysis.Analyze(text, Matcher).Sentences, budget, linking).Select(q => q.Text).ToList();

    [Theory]
    [InlineData("We are an equal opportunity employer and value diversity.")]
    [InlineData("Benefits include dental insurance and paid time off.")]
    [InlineData("Salary range: $65,000 to $80,000 per year.")]
    [InlineData("To apply, send your resume to jobs@example.com.")]
    [InlineData("Acme is a fast-growing company headquartered in Ottawa.")]
    [InlineData("Reasonable accommodation is available on request.")]
    public void Boilerplate_sentences_are_not_embedded(string boilerplate)
    {
        Assert.True(SemanticSelection.IsBoilerplate(boilerplate));
        var posting = "Requirements:\n- Build data pipelines for monthly reporting.\n" + boilerplate;
        Assert.Equal(["build data pipelines", "monthly reporting"], Embedded(posting));
    }

    [Theory]
    [InlineData("Drive the annual salary review and salary range setting across countries.")]
    [InlineData("Advise managers on compensation and benefits policies.")]
    [InlineData("Apply statistical methods to analyse data.")]
    public void Work_about_pay_or_applying_methods_is_not_boilerplate(string sentence)
    {
        Assert.False(SemanticSelection.IsBoilerplate(sentence));
    }

    [Fact]
    public void Headings_and_sentences_settled_by_confident_labels_are_not_embedded()
    {
        var posting = "Requirements:\n- Python, SQL and Java.\n- Mentor junior colleagues on code reviews.";
        Assert.Equal(["mentor junior colleagues", "code reviews"], Embedded(posting));
    }

    [Fact]
    public void Only_the_phrases_confident_labels_leave_unexplained_are_embedded()
    {
        var queries = SemanticSelection.Select(TextAnalysis.Analyze("Analyse data in Power BI and automate recurring reports.", Matcher).Sentences, 96);

        var phrase = Assert.Single(queries);
        Assert.Equal("automate recurring reports", phrase.Text);
        Assert.True(phrase.IsPhrase);
        Assert.Equal("automate recurring reports", "Analyse data in Power BI and automate recurring reports.".Substring(phrase.Start, phrase.Length));
    }

    [Fact]
    public void An_ambiguous_label_keeps_its_sentence_for_corroboration()
    {
        Assert.Equal(["R and Go."], Embedded("R and Go."));
    }

    [Fact]
    public void Long_sentences_are_cut_and_the_budget_prefers_requirement_sentences()
    {
        var longSentence = string.Join(' ', Enumerable.Range(0, 50).Select(i => $"word{i}"));
        Assert.All(Embedded(longSentence), p => Assert.Equal(ResiduePhrases.MaxWords, p.Split(' ').Length));
        Assert.InRange(Embedded(longSentence).Sum(p => p.Split(' ').Length),
            SemanticSelection.MaxWordsPerSentence - ResiduePhrases.MaxWords + 1, SemanticSelection.MaxWordsPerSentence);

        var posting = "Plan field service schedules with regional leads.\nRequirements:\n- Build data pipelines for monthly reporting.";
        Assert.Equal(["build data pipelines", "monthly reporting"], Embedded(posting, budget: 6));
    }

    [Fact]
    public void Linking_mode_embeds_every_skill_bearing_sentence_whole()
    {
        var longSentence = string.Join(' ', Enumerable.Range(0, 50).Select(i => $"word{i}"));
        var posting = "Requirements:\n- Python, SQL and Java.\n- " + longSentence + "\nWe offer dental insurance.";
        Assert.Equal(["Python, SQL and Java.", longSentence], Embedded(posting, budget: 6, linking: true));
    }
}
