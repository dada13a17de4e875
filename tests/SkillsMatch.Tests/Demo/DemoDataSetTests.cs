using System.Text.Json;
using System.Text.Json.Nodes;
using SkillsMatch.Catalog;
using SkillsMatch.Demo;
using SkillsMatch.Taxonomy.Importers;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Demo;

[Trait("Category", "Unit")]
public sealed class DemoDataSetTests
{
    private static readonly DemoDataSet Demo = DemoDataSet.Read(ShippedTaxonomy.RepositoryFile("data", "demo"));
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public void The_demo_is_the_size_the_issue_asks_for()
    {
        Assert.True(Demo.Postings.Count >= 200, $"{Demo.Postings.Count} postings");
        Assert.True(Demo.CatalogOfferings.Count >= 60, $"{Demo.CatalogOfferings.Count} offerings");
        Assert.True(Demo.CatalogOfferings.Select(o => (string?)o["provider"]).Distinct().Count() >= 5);
        Assert.Contains(Demo.Learners, l => l.Key == "sarah" && l.Targets.Contains("data-analyst"));
        Assert.All(Demo.Postings, p => Assert.True(p["skillsmatch:demo"]!.GetValue<bool>()));
    }

    [Fact]
    public void Every_skill_and_occupation_the_demo_names_is_in_the_shipped_taxonomy()
    {
        var taxonomy = OwnTaxonomyReader.Read(ShippedTaxonomy.RepositoryFile("data", "taxonomies", "skillsmatch")).Import!;
        var skills = taxonomy.Skills.Select(s => s.ExternalId).ToHashSet();
        var occupations = taxonomy.Occupations.Select(o => o.ExternalId).ToHashSet();
        var named = Demo.CatalogOfferings.SelectMany(o => o["skills"]!.AsArray().Select(s => s!.GetValue<string>()))
            .Concat(Demo.Learners.SelectMany(l => l.SelfDeclared.Select(s => s.Skill).Concat(l.Credentials.SelectMany(c => c.Skills))));
        var unknown = named.Except(skills).Concat(Demo.Learners.SelectMany(l => l.Targets).Except(occupations)).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_offering_reads_as_an_api_body_with_a_quality_assurance_the_catalog_allows()
    {
        var inputs = Demo.CatalogOfferings.Select(o => o.Deserialize<CatalogOfferingInput>(WebJson)!).ToList();
        Assert.All(inputs, i => Assert.Contains(i.QualityAssurance, CatalogChecks.QualityAssurances));
        Assert.All(inputs, i => Assert.True(i.IssuerUri is not null, i.ExternalId));
        // The file says so for `skillsmatch catalog import`; the demo loader marks them demo either way.
        Assert.All(Demo.CatalogOfferings, o => Assert.True(o["isDemo"]!.GetValue<bool>(), o["externalId"]!.GetValue<string>()));
        Assert.Contains(inputs, i => i.QualityAssurance == "industry-endorsed");
    }

    [Fact]
    public void Dates_shift_so_the_postings_stay_current()
    {
        var posting = new JsonObject { ["datePosted"] = "2026-11-20", ["validThrough"] = "2027-01-19", ["title"] = "x" };
        var shifted = DemoDataSet.ShiftDates(posting, new DateOnly(2027, 3, 1));
        Assert.Equal("2027-02-21", (string?)shifted["datePosted"]);
        Assert.Equal("2027-04-22", (string?)shifted["validThrough"]);
        Assert.Equal("2026-11-20", (string?)posting["datePosted"]);
    }
}
