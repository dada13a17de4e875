using SkillsMatch.Extraction;

namespace SkillsMatch.Tests.Extraction;

/// <summary>
/// Sections of real postings, and the mistakes they caused on real text: skills read from benefits, legal and
/// application boilerplate, from colleagues ("registered nursing staff"), from a stem ("chart" for charting), and
/// short or lower-case names missed in skills lists.
/// </summary>
[Trait("Category", "Unit")]
public class PostingStructureTests
{
    private const long Authorisation = 1, Recruitment = 2, Packaging = 3, Budgeting = 4, Nursing = 5, Charting = 6,
        Python = 7, Go = 8, Aws = 9, Sql = 10, Kubernetes = 11, Excel = 12, R = 13, C = 14, Hiring = 15, Dental = 16;

    private static readonly LexicalMatcher Matcher = new(
    [
        new(Authorisation, "authorisation", true), new(Authorisation, "authorization", false), new(Authorisation, "authorized", false),
        new(Recruitment, "recruitment", true), new(Recruitment, "persons hired", false), new(Packaging, "packaging", true),
        new(Packaging, "package", false), new(Budgeting, "budgeting", true), new(Budgeting, "budget", false), new(Nursing, "nursing", true),
        new(Charting, "clinical charting", true), new(Charting, "charting", false), new(Python, "Python", true), new(Go, "Go", true),
        new(Aws, "Amazon Web Services", true), new(Aws, "AWS", false), new(Sql, "SQL", true), new(Kubernetes, "Kubernetes", true),
        new(Kubernetes, "K8s", false), new(Excel, "Microsoft Excel", true), new(Excel, "Excel", false), new(R, "R", true), new(C, "C", true),
        new(Hiring, "hiring", false), new(Dental, "dental hygiene", true),
    ]);

    private static HashSet<long> Skills(string text) =>
        TextAnalysis.Analyze(text, Matcher).Mentions.Where(m => !m.Negated).Select(m => m.Match.SkillId).ToHashSet();

    private static SkillMention Mention(string text, long skill) =>
        TextAnalysis.Analyze(text, Matcher).Mentions.Single(m => m.Match.SkillId == skill);

    [Theory]
    [InlineData("Candidates must be legally authorized to work in the U.S.", Authorisation)]
    [InlineData("All persons hired will be required to verify identity and eligibility to work in the United States.", Recruitment)]
    [InlineData("We offer a comprehensive benefits package.", Packaging)]
    [InlineData("A yearly training budget of $2,000 for courses.", Budgeting)]
    [InlineData("Work alongside registered nursing staff on the ward.", Nursing)]
    [InlineData("Chart real datasets in Excel for the operations team.", Charting)]
    public void Real_posting_mistakes_yield_no_skill(string text, long skill)
    {
        Assert.DoesNotContain(skill, Skills(text));
    }

    [Fact]
    public void Benefits_legal_and_application_sections_yield_no_skills_in_plain_text()
    {
        const string text = """
            Requirements:
            - Python and SQL
            Benefits
            - Packaging of your choice: budgeting courses paid
            Equal Opportunity Employer
            We consider applicants with nursing backgrounds without regard to age.
            How to apply
            Send a Python sample with your application.
            About us
            We build Kubernetes tooling.
            """;
        var analysis = TextAnalysis.Analyze(text, Matcher);
        Assert.Equal([Python, Sql], analysis.Mentions.Select(m => m.Match.SkillId).Order().ToArray());
        Assert.Contains(analysis.Sentences, s => s.Section == PostingSection.Benefits);
        Assert.Contains(analysis.Sentences, s => s.Section == PostingSection.Legal);
        Assert.Contains(analysis.Sentences, s => s.Section == PostingSection.Apply);
        Assert.Contains(analysis.Sentences, s => s.Section == PostingSection.Company);
    }

    [Fact]
    public void Sections_of_an_html_posting_are_recognised_once_it_is_text()
    {
        const string html = "<h2>What you'll do</h2><ul><li>Automate reports in Python</li></ul>"
            + "<h2>Nice to have</h2><ul><li>Kubernetes</li></ul><h2>Perks</h2><p>A budgeting app subscription and dental hygiene visits.</p>";
        var analysis = TextAnalysis.Analyze(SkillsMatch.Jobs.HtmlText.ToText(html), Matcher);
        Assert.Equal(PostingSection.Responsibilities, analysis.Sentences.Single(s => s.Text.Contains("Automate")).Section);
        Assert.Equal(RequirementCue.Preferred, analysis.Mentions.Single(m => m.Match.SkillId == Kubernetes).Requirement);
        Assert.DoesNotContain(analysis.Mentions, m => m.Match.SkillId is Budgeting or Dental);
    }

    [Theory]
    [InlineData("Required skills: Python, Go", RequirementCue.Required)]
    [InlineData("Must have: Go and Python", RequirementCue.Required)]
    [InlineData("Asset: Go, Python", RequirementCue.Preferred)]
    [InlineData("Nice to have: Go, Python", RequirementCue.Preferred)]
    [InlineData("Bonus: Go, Python", RequirementCue.Preferred)]
    public void Lead_ins_set_the_requirement_of_their_list(string text, RequirementCue cue)
    {
        Assert.Equal(cue, Mention(text, Go).Requirement);
    }

    [Fact]
    public void A_lead_in_naming_benefits_drops_its_line_only()
    {
        var skills = Skills("Perks: budgeting coaching and dental hygiene visits\nYou know Python.");
        Assert.Equal([Python], skills.ToArray());
    }

    [Theory]
    [InlineData("Minimum Required Skills: SQL, Python, Go, AWS", Go)]
    [InlineData("python sql excel k8s", Sql)]
    [InlineData("python sql excel k8s", Kubernetes)]
    [InlineData("python sql excel k8s", Excel)]
    [InlineData("Tools: r, python, sql", R)]
    [InlineData("Languages: C, Python, Go", C)]
    public void Short_and_lower_case_names_count_in_a_skills_list(string text, long skill)
    {
        var mention = Mention(text, skill);
        Assert.False(mention.Match.NeedsCorroboration);
    }

    [Theory]
    [InlineData("Go to the warehouse and pick orders with Python, SQL.", Go)]
    [InlineData("Our R&D group, Python and SQL.", R)]
    [InlineData("Report to the C-suite on Python, SQL.", C)]
    [InlineData("we go further with sql and python", Go)]
    [InlineData("sql and python", Sql)]
    public void Short_names_used_as_words_are_not_settled_by_a_list(string text, long skill)
    {
        var mention = TextAnalysis.Analyze(text, Matcher).Mentions.SingleOrDefault(m => m.Match.SkillId == skill);
        Assert.True(mention is null || mention.Match.NeedsCorroboration);
    }
}
