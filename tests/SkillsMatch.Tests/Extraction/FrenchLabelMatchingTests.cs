using SkillsMatch.Extraction;

namespace SkillsMatch.Tests.Extraction;

/// <summary>French labels are matched without regard to accents or case, and through elided articles (l', d', qu').</summary>
[Trait("Category", "Unit")]
public class FrenchLabelMatchingTests
{
    private const long CloudSecurity = 1, Excel = 2, Azure = 3, English = 4, ProjectManagement = 5, Forklift = 6;

    private static readonly LexicalMatcher Matcher = new(
    [
        new(CloudSecurity, "sécurité infonuagique", true), new(Excel, "Microsoft Excel", true), new(Excel, "Excel", false),
        new(Azure, "Microsoft Azure", true), new(Azure, "Azure", false), new(English, "anglais", true),
        new(ProjectManagement, "gestion de projet", true), new(Forklift, "conduite de chariot élévateur", true),
    ]);

    private static IEnumerable<long> Found(string text) => TextAnalysis.Analyze(text, Matcher).Mentions.Select(m => m.Match.SkillId);

    [Theory]
    [InlineData("Expérience en securite infonuagique.")]
    [InlineData("Expérience en Sécurité Infonuagique")]
    [InlineData("Expérience en sécurité infonuagique.")]
    [InlineData("Expe\u0301rience en se\u0301curite\u0301 infonuagique.")] // decomposed accents (NFD), as some PDFs give them
    public void Accents_and_case_do_not_matter(string text) => Assert.Contains(CloudSecurity, Found(text));

    [Theory]
    [InlineData("Maîtrise d'Excel requise.", Excel)]
    [InlineData("Maîtrise d’Excel requise.", Excel)]
    [InlineData("Une bonne connaissance de l'anglais.", English)]
    [InlineData("Un environnement infonuagique tel qu'Azure.", Azure)]
    [InlineData("Expérience de la gestion de projets.", ProjectManagement)]
    [InlineData("Expérience de la conduite de chariots élévateurs.", Forklift)]
    public void Elided_articles_and_plurals_still_match(string text, long skill) => Assert.Contains(skill, Found(text));

    [Fact]
    public void A_word_that_only_begins_like_a_label_is_not_one()
    {
        Assert.Empty(Found("Les Azuréens et l'azurite."));
    }
}
