using SkillsMatch.Extraction;

namespace SkillsMatch.Tests.Extraction;

/// <summary>French postings: elided articles, requirement and level cues, section headings.</summary>
[Trait("Category", "Unit")]
public class FrenchCuesTests
{
    private const long English = 1, Excel = 2, Python = 3, ProjectManagement = 4, Dental = 5;

    private static readonly LexicalMatcher Matcher = new(
    [
        new(English, "anglais", true), new(Excel, "Microsoft Excel", true), new(Excel, "Excel", false), new(Python, "Python", true),
        new(ProjectManagement, "gestion de projet", true), new(Dental, "assurance dentaire", true),
    ]);

    private static SkillMention Mention(string text, long skill) =>
        TextAnalysis.Analyze(text, Matcher).Mentions.Single(m => m.Match.SkillId == skill);

    [Theory]
    [InlineData("La maîtrise de l'anglais est requise.", English, RequirementCue.Required, Proficiency.Advanced)]
    [InlineData("Connaissance d'Excel, un atout.", Excel, RequirementCue.Preferred, Proficiency.Intermediate)]
    [InlineData("Bonne connaissance de la gestion de projet exigée.", ProjectManagement, RequirementCue.Required, Proficiency.Intermediate)]
    [InlineData("Des notions de Python seraient un plus.", Python, RequirementCue.Preferred, Proficiency.Beginner)]
    public void French_requirement_and_level_cues_are_read(string text, long skill, RequirementCue cue, Proficiency level)
    {
        var mention = Mention(text, skill);
        Assert.Equal(cue, mention.Requirement);
        Assert.Equal(level, mention.Level.Proficiency);
    }

    [Fact]
    public void Elided_articles_do_not_hide_the_name_after_them()
    {
        Assert.Equal("Excel", Mention("Utilisation quotidienne d’Excel", Excel).Match.MatchedText);
        Assert.Equal("anglais", Mention("Niveau d'anglais avancé", English).Match.MatchedText);
    }

    [Fact]
    public void French_headings_and_lead_ins_name_their_section()
    {
        const string text = "Exigences :\n- Python\nAtouts :\n- gestion de projet\nAvantages sociaux\n- assurance dentaire\nAtout : Excel";
        var analysis = TextAnalysis.Analyze(text, Matcher);
        Assert.Equal(RequirementCue.Required, analysis.Mentions.Single(m => m.Match.SkillId == Python).Requirement);
        Assert.Equal(RequirementCue.Preferred, analysis.Mentions.Single(m => m.Match.SkillId == ProjectManagement).Requirement);
        Assert.Equal(RequirementCue.Preferred, analysis.Mentions.Single(m => m.Match.SkillId == Excel).Requirement);
        Assert.DoesNotContain(analysis.Mentions, m => m.Match.SkillId == Dental);
    }

    [Fact]
    public void Non_requis_is_not_a_requirement()
    {
        Assert.NotEqual(RequirementCue.Required, Mention("Python non requis.", Python).Requirement);
    }
}
