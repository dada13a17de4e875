using SkillsMatch.Extraction;
using static SkillsMatch.Tests.Extraction.LexicalMatcherTests;

namespace SkillsMatch.Tests.Extraction;

[Trait("Category", "Unit")]
public class TextAnalysisTests
{
    private static SkillMention Mention(string text, long skill) =>
        TextAnalysis.Analyze(text, Matcher).Mentions.Single(m => m.Match.SkillId == skill);

    [Theory]
    [InlineData("No SQL experience required.", Sql)]
    [InlineData("Not required: Python", Python)]
    [InlineData("Not required: Python, Java or Go.", Java)]
    [InlineData("You can start without C++.", Cpp)]
    [InlineData("Java is not needed.", Java)]
    [InlineData("There is no need for Excel here.", Excel)]
    [InlineData("We work without C++, Java or Python.", Python)]
    [InlineData("Python isn't required for this role.", Python)]
    public void Denied_skills_are_negated(string text, long skill)
    {
        Assert.True(Mention(text, skill).Negated);
    }

    [Theory]
    [InlineData("NoSQL databases are required.", NoSql)]
    [InlineData("No-code tools are a plus.", NoCode)]
    [InlineData("No relocation, Python required.", Python)]
    [InlineData("Python required, SQL not required.", Python)]
    [InlineData("Not only Python but also Java.", Python)]
    [InlineData("Java is not required, but a real plus.", Java)]
    [InlineData("No prior experience needed. Python is taught.", Python)]
    public void Other_uses_of_no_and_not_do_not_negate(string text, long skill)
    {
        Assert.False(Mention(text, skill).Negated);
    }

    [Theory]
    [InlineData("Must have Python.", RequirementCue.Required)]
    [InlineData("Python is required.", RequirementCue.Required)]
    [InlineData("Proven experience with Python.", RequirementCue.Required)]
    [InlineData("A minimum of 3 years of Python.", RequirementCue.Required)]
    [InlineData("Python is mandatory.", RequirementCue.Required)]
    [InlineData("You have shipped Python services.", RequirementCue.Required)]
    [InlineData("Python is an asset.", RequirementCue.Preferred)]
    [InlineData("Python would be a plus.", RequirementCue.Preferred)]
    [InlineData("Nice to have: Python.", RequirementCue.Preferred)]
    [InlineData("Ideally you know Python.", RequirementCue.Preferred)]
    [InlineData("Python preferred.", RequirementCue.Preferred)]
    [InlineData("Bonus: Python.", RequirementCue.Preferred)]
    [InlineData("You will write Python daily.", RequirementCue.None)]
    public void Requirement_cues_are_read_from_the_sentence(string text, RequirementCue cue)
    {
        Assert.Equal(cue, Mention(text, Python).Requirement);
    }

    [Fact]
    public void Each_clause_keeps_its_own_requirement_cue()
    {
        var analysis = TextAnalysis.Analyze("Python and SQL are required, Java is a plus.", Matcher);
        Assert.Equal(RequirementCue.Required, analysis.Mentions.Single(m => m.Match.SkillId == Python).Requirement);
        Assert.Equal(RequirementCue.Required, analysis.Mentions.Single(m => m.Match.SkillId == Sql).Requirement);
        Assert.Equal(RequirementCue.Preferred, analysis.Mentions.Single(m => m.Match.SkillId == Java).Requirement);
    }

    [Fact]
    public void Headings_carry_their_cue_to_the_bullets_below_until_the_next_heading()
    {
        string text = "About the role\nYou will build Java services.\n\nRequirements:\n- Python\n- 3+ years of SQL\n"
            + "Nice to have:\n\u2022 Excel\n\u2022 Node.js\nBenefits\n- Free C++ lessons";
        var analysis = TextAnalysis.Analyze(text, Matcher);
        RequirementCue CueOf(long skill) => analysis.Mentions.Single(m => m.Match.SkillId == skill).Requirement;
        Assert.Equal(RequirementCue.None, CueOf(Java));
        Assert.Equal(RequirementCue.Required, CueOf(Python));
        Assert.Equal(RequirementCue.Required, CueOf(Sql));
        Assert.Equal(RequirementCue.Preferred, CueOf(Excel));
        Assert.Equal(RequirementCue.Preferred, CueOf(NodeJs));
        // Benefits never ask for a skill: "Free C++ lessons" is an offer.
        Assert.DoesNotContain(analysis.Mentions, m => m.Match.SkillId == Cpp);
    }

    [Fact]
    public void Semicolon_list_items_keep_the_cue_of_the_list()
    {
        var analysis = TextAnalysis.Analyze("Required: Python; SQL; Java", Matcher);
        Assert.All(analysis.Mentions, m => Assert.Equal(RequirementCue.Required, m.Requirement));
        Assert.Equal(3, analysis.Sentences.Count);
    }

    [Theory]
    [InlineData("3+ years of Python.", 3, null)]
    [InlineData("At least 5 years with Python.", 5, null)]
    [InlineData("2-4 yrs of Python.", 2, 4)]
    [InlineData("Five years of Python experience.", 5, null)]
    [InlineData("A minimum of 2 years of Python.", 2, null)]
    [InlineData("3 to 5 years in Python.", 3, 5)]
    [InlineData("Python, up to 3 years.", null, 3)]
    public void Years_of_experience_are_read(string text, int? min, int? max)
    {
        var level = Mention(text, Python).Level;
        Assert.Equal(min, level.MinYears);
        Assert.Equal(max, level.MaxYears);
    }

    [Theory]
    [InlineData("Basic Python.", Proficiency.Beginner)]
    [InlineData("Familiarity with Python.", Proficiency.Beginner)]
    [InlineData("Working knowledge of Python.", Proficiency.Intermediate)]
    [InlineData("Proficient in Python.", Proficiency.Advanced)]
    [InlineData("Strong Python skills.", Proficiency.Advanced)]
    [InlineData("Advanced Python.", Proficiency.Advanced)]
    [InlineData("Expert in Python.", Proficiency.Expert)]
    [InlineData("Deep expertise in Python.", Proficiency.Expert)]
    [InlineData("Senior-level Python.", Proficiency.Expert)]
    [InlineData("Python at an expert level.", Proficiency.Expert)]
    public void Proficiency_words_are_read(string text, Proficiency level)
    {
        Assert.Equal(level, Mention(text, Python).Level.Proficiency);
    }

    [Fact]
    public void Proficiency_attaches_to_the_skills_it_qualifies()
    {
        var analysis = TextAnalysis.Analyze("Basic Java and strong Python; 5+ years of SQL.", Matcher);
        var java = analysis.Mentions.Single(m => m.Match.SkillId == Java).Level;
        var python = analysis.Mentions.Single(m => m.Match.SkillId == Python).Level;
        var sql = analysis.Mentions.Single(m => m.Match.SkillId == Sql).Level;
        Assert.Equal(Proficiency.Beginner, java.Proficiency);
        Assert.Equal(Proficiency.Advanced, python.Proficiency);
        Assert.Null(python.MinYears);
        Assert.Equal(5, sql.MinYears);
        Assert.Null(sql.Proficiency);
    }

    [Fact]
    public void Sentences_and_matches_point_into_the_original_text()
    {
        string text = "\u201CRequirements\u201D:\r\n\t\u2022 5+ years\u2019 Microsoft\u00A0Power BI;\r\n\u2022 no\u00A0SQL needed \u2014 C#/.NET\r\n";
        var analysis = TextAnalysis.Analyze(text, Matcher);
        Assert.NotEmpty(analysis.Sentences);
        foreach (var sentence in analysis.Sentences)
        {
            Assert.Equal(sentence.Text, text.Substring(sentence.Start, sentence.Length));
            foreach (var mention in sentence.Mentions)
            {
                Assert.Equal(mention.Match.MatchedText, text.Substring(mention.Match.Start, mention.Match.Length));
                Assert.InRange(mention.Match.Start, sentence.Start, sentence.Start + sentence.Length - mention.Match.Length);
            }
        }
        Assert.Equal([MsPowerBi, Sql, CSharp, DotNet], analysis.Mentions.Select(m => m.Match.SkillId));
        Assert.True(analysis.Mentions.Single(m => m.Match.SkillId == Sql).Negated);
        Assert.Equal(RequirementCue.Required, analysis.Mentions.First().Requirement);
        Assert.Equal(5, analysis.Mentions.First().Level.MinYears);
    }

    [Fact]
    public void Empty_text_has_no_sentences()
    {
        Assert.Empty(TextAnalysis.Analyze("  \r\n\t ", Matcher).Sentences);
    }
}
