using SkillsMatch.Extraction;
using SkillsMatch.Jobs;
using SkillsMatch.Matching.Features;

namespace SkillsMatch.Tests.Jobs;

/// <summary>Issue 18, "requirements counted honestly": what a posting requires is what it says it requires.</summary>
[Trait("Category", "Unit")]
public sealed class PostingRequirementsTests
{
    private static JobPosting Posting(string? skills) => JobPostingParser.Parse($$"""
        {"@type":"JobPosting","identifier":"t-1","title":"Junior Analyst","description":"You will analyse data. Marketing experience is an asset."
         {{(skills is null ? "" : "," + skills)}}}
        """).Posting!;

    private static ExtractedSkill Found(string text, string phrase, long id, RequirementCue cue = RequirementCue.None)
    {
        var start = text.IndexOf(phrase, StringComparison.Ordinal);
        Assert.True(start >= 0, phrase + " not in the extraction text");
        return new ExtractedSkill(id, "s" + id, phrase, 0.9, ExtractionMethod.Lexical, [new EvidenceSpan(start, phrase.Length, phrase)], cue, LevelCue.None, phrase);
    }

    [Fact]
    public void Items_of_the_schema_org_skills_field_are_required()
    {
        var posting = Posting("""  "skills":["SQL","Power BI"]  """);
        var text = posting.ExtractionText();
        var skills = new[] { Found(text, "SQL", 1), Found(text, "Power BI", 2), Found(text, "Marketing", 3) };

        var counted = PostingRequirements.Apply(posting, skills);

        Assert.Equal(RequirementCue.Required, counted.Single(s => s.SkillId == 1).Requirement);
        Assert.Equal(RequirementCue.Required, counted.Single(s => s.SkillId == 2).Requirement);
        Assert.Equal(RequirementCue.None, counted.Single(s => s.SkillId == 3).Requirement);
    }

    [Fact]
    public void A_preferred_cue_in_the_skills_field_stays_preferred()
    {
        var posting = Posting("""  "skills":["SQL (nice to have)"]  """);
        var text = posting.ExtractionText();

        var counted = PostingRequirements.Apply(posting, [Found(text, "SQL", 1, RequirementCue.Preferred)]);

        Assert.Equal(RequirementCue.Preferred, counted.Single().Requirement);
    }

    [Fact]
    public void A_posting_without_a_skills_field_keeps_the_cues_extraction_found()
    {
        var posting = Posting(null);
        var text = posting.ExtractionText();

        var counted = PostingRequirements.Apply(posting, [Found(text, "Marketing", 3)]);

        Assert.Equal(RequirementCue.None, counted.Single().Requirement);
    }

    [Theory]
    [InlineData("required", RequirementKind.Essential)]
    [InlineData("preferred", RequirementKind.Optional)]
    [InlineData("none", RequirementKind.Optional)]
    public void Requirement_none_never_counts_as_essential(string requirement, RequirementKind kind)
    {
        Assert.Equal(kind, PostingRequirements.Kind(requirement));
    }
}
