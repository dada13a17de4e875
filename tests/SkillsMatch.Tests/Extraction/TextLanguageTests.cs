using SkillsMatch.Extraction;

namespace SkillsMatch.Tests.Extraction;

[Trait("Category", "Unit")]
public class TextLanguageTests
{
    [Theory]
    [InlineData("Nous recherchons un analyste de données pour notre équipe de Montréal.", "fr")]
    [InlineData("Vous maîtrisez Excel et la gestion de projet.", "fr")]
    [InlineData("We are looking for a data analyst to join our team in Toronto.", "en")]
    [InlineData("You will build dashboards in Power BI for the finance team.", "en")]
    [InlineData("Python, SQL, Power BI", null)]
    [InlineData("Excel", null)]
    public void Function_words_tell_french_from_english(string text, string? language) =>
        Assert.Equal(language, TextLanguage.Detect(text));

    [Fact]
    public void A_sentence_too_short_to_tell_takes_the_posting_language_and_one_with_evidence_keeps_its_own()
    {
        Assert.Equal("fr", TextLanguage.Detect("Power BI, DAX", "fr"));
        Assert.Equal("fr", TextLanguage.Detect("Connaissance de la suite Office et de SAP.", "en"));
    }

    [Fact]
    public void The_french_half_of_a_bilingual_posting_is_noticed()
    {
        const string posting = "Data Analyst\nYou will build reports for the team.\n\nAnalyste de données\nVous produirez des rapports pour l'équipe.";

        Assert.Equal("en", TextLanguage.Detect("You will build reports for the team."));
        Assert.True(TextLanguage.HasFrenchLine(posting));
        Assert.False(TextLanguage.HasFrenchLine("Data Analyst\nYou will build reports for the team."));
    }
}
