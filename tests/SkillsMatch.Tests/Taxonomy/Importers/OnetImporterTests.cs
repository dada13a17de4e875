using SkillsMatch.Taxonomy;
using SkillsMatch.Taxonomy.Importers;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Taxonomy.Importers;

[Trait("Category", "Unit")]
public sealed class OnetImporterTests
{
    private const string Developers = "15-1252.00";
    private const string DataScientists = "15-2051.00";
    private const string TruckOperators = "53-7051.00";

    private static Task<TaxonomyImport> ReadFixture(IProgress<ImportProgress>? progress = null) =>
        OnetImporter.ReadAsync(Fixtures.Path("onet"), "29.2", progress, CancellationToken.None);

    private static OccupationSkillRecord? Link(TaxonomyImport import, string occupation, string skill) =>
        import.OccupationSkills.SingleOrDefault(l => l.OccupationExternalId == occupation && l.SkillExternalId == skill);

    [Fact]
    public async Task Fixture_folder_reads_occupations_elements_and_technology()
    {
        var import = await ReadFixture();

        Assert.Equal("onet", import.Info.Key);
        Assert.Equal("29.2", import.Info.Version);
        Assert.Equal("CC-BY-4.0", import.Info.Licence);
        Assert.StartsWith("This page includes information from the O*NET 29.2 Database by the U.S. Department of Labor", import.Info.Attribution);
        Assert.Equal(3, import.Occupations.Count);
        Assert.Equal(3 + 3 + 4 + 5, import.Skills.Count);
        Assert.Equal(10 + 7, import.OccupationSkills.Count);
        Assert.Equal(5, import.SkillRelations.Count);
        TaxonomyImportCheck.ThrowIfInconsistent(import);
    }

    [Fact]
    public async Task Occupation_keeps_its_code_description_and_alternate_and_short_titles()
    {
        var import = await ReadFixture();

        var developers = import.Occupations.Single(o => o.ExternalId == Developers);
        Assert.Equal("Software Developers", developers.Title);
        Assert.Equal(Developers, developers.OnetSocCode);
        Assert.Equal(["Application Developer", "Software Engineer", "Software Development Engineer", "SDE"], developers.AltTitles);
        Assert.StartsWith("Research, design, and develop computer and network software", developers.Description);
    }

    [Fact]
    public async Task Quotes_in_tab_separated_text_are_ordinary_characters()
    {
        var import = await ReadFixture();

        Assert.EndsWith("Includes \"forklift\" operators.", import.Occupations.Single(o => o.ExternalId == TruckOperators).Description);
    }

    [Fact]
    public async Task Elements_become_skills_and_knowledge_with_content_model_descriptions()
    {
        var import = await ReadFixture();

        var programming = import.Skills.Single(s => s.ExternalId == "2.B.3.e");
        Assert.Equal(("Programming", SkillType.Skill, "Writing computer programs for various purposes."), (programming.PreferredLabel, programming.Type, programming.Description));
        Assert.Equal(SkillType.Knowledge, import.Skills.Single(s => s.ExternalId == "2.C.4.a").Type);
    }

    [Fact]
    public async Task Importance_and_level_are_joined_per_occupation_and_element()
    {
        var import = await ReadFixture();

        var link = Link(import, Developers, "2.B.3.e");
        Assert.NotNull(link);
        Assert.Equal(4.50f, link.Importance);
        Assert.Equal(5.12f, link.Level);
        Assert.Equal(SkillRequirement.Essential, link.Relation);
    }

    [Theory]
    [InlineData(Developers, "2.A.1.a", SkillRequirement.Essential)]   // IM 3.88
    [InlineData(DataScientists, "2.A.1.a", SkillRequirement.Essential)] // IM 3.50, the essential threshold
    [InlineData(DataScientists, "2.B.2.i", SkillRequirement.Optional)]  // IM 3.12
    [InlineData(DataScientists, "2.B.3.e", SkillRequirement.Optional)]  // IM 2.50, the optional threshold
    [InlineData(TruckOperators, "2.C.10", SkillRequirement.Optional)]   // IM 3.00
    [InlineData(TruckOperators, "2.A.1.a", null)]                       // IM 2.38: too unimportant
    [InlineData(TruckOperators, "2.B.2.i", null)]                       // IM 2.75 but Recommend Suppress = Y
    [InlineData(TruckOperators, "2.B.3.e", null)]                       // Not Relevant = Y on the LV row
    public async Task Importance_decides_essential_optional_or_left_out(string occupation, string element, SkillRequirement? relation)
    {
        var import = await ReadFixture();

        Assert.Equal(relation, Link(import, occupation, element)?.Relation);
    }

    [Fact]
    public async Task Technology_examples_are_tools_under_their_commodity()
    {
        var import = await ReadFixture();

        var python = import.Skills.Single(s => s.ExternalId == "tech-example:Python");
        Assert.Equal(("Python", SkillType.Tool), (python.PreferredLabel, python.Type));
        var commodity = import.Skills.Single(s => s.ExternalId == "tech:43232405");
        Assert.Equal(("Object or component oriented development software", SkillType.Tool), (commodity.PreferredLabel, commodity.Type));
        Assert.Contains(new SkillRelationRecord("tech-example:Python", "tech:43232405", SkillRelationKind.Broader), import.SkillRelations);
        Assert.Single(import.Skills, s => s.PreferredLabel == "Microsoft Excel");
    }

    [Theory]
    [InlineData(Developers, "tech-example:Git", SkillRequirement.Essential)]
    [InlineData(DataScientists, "tech-example:The R Project for Statistical Computing", SkillRequirement.Essential)]
    [InlineData(Developers, "tech-example:Atlassian JIRA", SkillRequirement.Optional)]
    [InlineData(TruckOperators, "tech-example:Microsoft Excel", SkillRequirement.Optional)]
    public async Task In_demand_technology_is_essential_and_other_technology_optional(string occupation, string skill, SkillRequirement relation)
    {
        var import = await ReadFixture();

        var link = Link(import, occupation, skill);
        Assert.NotNull(link);
        Assert.Equal(relation, link.Relation);
        Assert.Null(link.Importance);
    }

    [Fact]
    public async Task Only_occupation_data_is_required()
    {
        var dir = Fixtures.CopyOf("onet");
        foreach (var file in Directory.GetFiles(dir).Where(f => Path.GetFileName(f) != "Occupation Data.txt")) File.Delete(file);

        var import = await OnetImporter.ReadAsync(dir, "29.2", null, CancellationToken.None);

        Assert.Equal(3, import.Occupations.Count);
        Assert.Empty(import.Skills);
        Assert.Empty(import.Occupations.Single(o => o.ExternalId == Developers).AltTitles);
    }

    [Fact]
    public async Task Version_comes_from_a_folder_named_like_the_download()
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory("skillsmatch-onet-").FullName, "db_29_2_text");
        Directory.Move(Fixtures.CopyOf("onet"), dir);
        var progress = new CollectedProgress();

        var import = await OnetImporter.ReadAsync(dir, progress, CancellationToken.None);

        Assert.Equal("29.2", import.Info.Version);
        Assert.Contains(new ImportProgress("Reading Skills.txt", 18, 18), progress.Reports);
        Assert.Contains(new ImportProgress("Reading Technology Skills.txt", 7, 7), progress.Reports);
    }

    [Fact]
    public async Task Version_is_required_when_the_folder_name_carries_none()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => OnetImporter.ReadAsync(Fixtures.Path("onet"), null, CancellationToken.None));
    }

    [Theory]
    [InlineData("/data/db_29_2_text", "29.2")]
    [InlineData("/data/db_30_0_text.zip", "30.0")]
    [InlineData("/data/db_29_2_excel", null)]
    [InlineData("/data/onet", null)]
    public void Version_is_read_from_the_download_name(string path, string? version)
    {
        Assert.Equal(version, OnetImporter.VersionFromName(path));
    }
}
