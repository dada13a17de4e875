using SkillsMatch.Learners;

namespace SkillsMatch.Tests.Learners;

[Trait("Category", "Unit")]
public sealed class CanadianRegionsTests
{
    [Theory]
    [InlineData("CA-ON", "CA-ON")]
    [InlineData("on", "CA-ON")]
    [InlineData("Ont.", "CA-ON")]
    [InlineData("Québec", "CA-QC")]
    [InlineData("QUEBEC", "CA-QC")]
    [InlineData("Île-du-Prince-Édouard", "CA-PE")]
    [InlineData("prince edward island", "CA-PE")]
    [InlineData("Colombie-Britannique", "CA-BC")]
    [InlineData("Newfoundland and Labrador", "CA-NL")]
    [InlineData(" yt ", "CA-YT")]
    public void Codes_abbreviations_and_names_become_iso_3166_2(string text, string expected) =>
        Assert.Equal(expected, CanadianRegions.Normalize(text));

    [Theory]
    [InlineData("Ontrio")]
    [InlineData("CA-XX")]
    [InlineData("US-NY")]
    [InlineData("Canada")]
    public void Anything_else_is_not_a_region(string text) => Assert.Null(CanadianRegions.Normalize(text));

    [Fact]
    public void Canada_itself_only_when_allowed() => Assert.Equal("CA", CanadianRegions.Normalize("Canada", allowCountry: true));
}
