using SkillsMatch.Taxonomy;

namespace SkillsMatch.Tests.Taxonomy;

[Trait("Category", "Unit")]
public sealed class SkillLabelIndexTests
{
    private static readonly SkillLabelIndex Index = new(
    [
        Label(1, "C++", "c++", true), Label(1, "C++", "cpp", false),
        Label(2, "C", "c", true),
        Label(3, "C#", "c#", true),
        Label(4, "Python", "python", true), Label(4, "Python", "python programming", false),
        Label(5, "data analysis", "data analysis", true), Label(5, "data analysis", "analyse data", false),
        Label(6, "data visualisation", "data visualisation", true), Label(6, "data visualisation", "data visualization", false),
        Label(7, "Kubernetes", "kubernetes", true), Label(7, "Kubernetes", "k8s", false),
        Label(8, "manage musical staff", "manage musical staff", true, taxonomyId: 2),
    ]);

    [Theory]
    [InlineData("C++", 1L, "exact")]
    [InlineData("c#", 3L, "exact")]
    [InlineData("K8s", 7L, "alias")]
    [InlineData("kube", 7L, "prefix")]
    [InlineData("kuberentes", 7L, "fuzzy")]
    [InlineData("data visualization", 6L, "alias")]
    [InlineData("visualisation", 6L, "word")]
    [InlineData("  Analyse   DATA ", 5L, "alias")]
    public void Query_finds_the_expected_skill_first(string query, long skillId, string match)
    {
        var hits = Index.Search(query, null, null, 5);

        Assert.Equal(skillId, hits[0].Id);
        Assert.Equal(match, hits[0].Match);
    }

    [Fact]
    public void C_does_not_find_Cpp_or_Csharp_as_the_same_word()
    {
        var hits = Index.Search("c", null, null, 10);

        Assert.Equal(2L, hits[0].Id);
        Assert.DoesNotContain(hits, h => h.Id == 3 && h.Match == "word");
    }

    [Fact]
    public void Filters_by_taxonomy_and_type_and_respects_the_limit()
    {
        Assert.Empty(Index.Search("manage musical staff", 1, null, 5));
        Assert.Single(Index.Search("manage musical staff", 2, null, 5));
        Assert.Empty(Index.Search("python", null, "knowledge", 5));
        Assert.Single(Index.Search("data", null, null, 1));
        Assert.Empty(Index.Search("   ", null, null, 5));
    }

    private static SkillLabel Label(long id, string preferred, string text, bool isPreferred, int taxonomyId = 1) =>
        new(id, taxonomyId, "test@1", $"s{id}", preferred, "skill", text, isPreferred);
}
