using SkillsMatch.Occupations;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Tests.Occupations;

/// <summary>The real vacancy titles that went wrong by a generic head word or an acronym.</summary>
[Trait("Category", "Unit")]
public sealed class TitleNormalisationTests
{
    private static readonly OccupationIndex Index = new(
    [
        new(1, "army-general", "army general", ["general", "military general"], null),
        new(2, "head-sommelier", "head sommelier", ["chief sommelier"], null),
        new(3, "cto", "chief technology officer", ["head of technology department", "technology director"], null),
        new(4, "ceo", "chief executive officer", ["executive director", "chief executive"], null),
        new(5, "retail-assistant", "retail sales assistant", ["retail associate", "retail sales executive"], null),
        new(6, "forces-officer", "armed forces officer", ["officer", "military officer"], null),
        new(7, "me-officer", "monitoring and evaluation officer", ["monitoring evaluation accountability learning officer"], null),
        new(8, "labourer", "general labourer", ["general worker", "construction labourer"], null),
    ]);

    private static string Best(string title)
    {
        var scores = Index.Lexical(JobTitleText.Variants(title).Select(OccupationIndex.Query.Of).ToList());
        var best = Enumerable.Range(0, scores.Length).MaxBy(i => scores[i].Score);
        return Index.Occupations[best].ExternalId;
    }

    [Theory]
    [InlineData("Head Of Technology", "cto")]
    [InlineData("Retail Executive", "retail-assistant")]
    [InlineData("MEAL Officer", "me-officer")]
    [InlineData("General Worker", "labourer")]
    public void Generic_head_words_do_not_decide_alone(string title, string expected) =>
        Assert.Equal(expected, Best(title));

    [Theory]
    [InlineData("MEAL Officer", "monitoring evaluation accountability learning officer")]
    [InlineData("PMEL Coordinator", "planning monitoring evaluation learning")]
    [InlineData("HSE Supervisor", "health safety environment supervisor")]
    [InlineData("QA Tester", "quality assurance tester")]
    [InlineData("Jurutera Awam", "engineer")]
    public void Acronyms_are_spelled_out_from_the_table(string title, string expected) =>
        Assert.Contains(expected, JobTitleText.Normalize(title), StringComparison.Ordinal);

    [Fact]
    public void A_taxonomy_title_keeps_its_own_contract_and_night_words()
    {
        Assert.Equal("contract engineer", JobTitleText.Normalize("Contract Engineer", posted: false));
        Assert.Equal("engineer", JobTitleText.Normalize("Contract Engineer"));
    }
}
