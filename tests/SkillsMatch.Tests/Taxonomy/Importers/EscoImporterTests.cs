using System.IO.Compression;
using SkillsMatch.Taxonomy;
using SkillsMatch.Taxonomy.Importers;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Taxonomy.Importers;

[Trait("Category", "Unit")]
public sealed class EscoImporterTests
{
    private const string Skill = "http://data.europa.eu/esco/skill/";
    private const string Occupation = "http://data.europa.eu/esco/occupation/";
    private const string Isced = "http://data.europa.eu/esco/isced-f/";

    private static Task<TaxonomyImport> ReadFixture(IProgress<ImportProgress>? progress = null) =>
        EscoImporter.ReadAsync(Fixtures.Path("esco"), "1.1.1", progress, CancellationToken.None);

    [Fact]
    public async Task Fixture_folder_reads_every_skill_occupation_group_and_relation()
    {
        var import = await ReadFixture();

        Assert.Equal(new TaxonomyInfo("esco", "1.1.1", "ESCO", "European Commission", "CC-BY-4.0",
            "ESCO – European Skills, Competences, Qualifications and Occupations, European Commission"), import.Info);
        Assert.Equal(7, import.Skills.Count);
        Assert.Equal(3, import.Occupations.Count);
        Assert.Equal(3 + 5, import.Groups.Count);
        Assert.Equal(3 + 7, import.GroupMembers.Count);
        Assert.Equal(3, import.SkillRelations.Count);
        Assert.Equal(7, import.OccupationSkills.Count);
        TaxonomyImportCheck.ThrowIfInconsistent(import);
    }

    [Fact]
    public async Task Alternative_labels_are_split_on_the_newlines_inside_one_quoted_field()
    {
        var import = await ReadFixture();

        var python = import.Skills.Single(s => s.ExternalId == Skill + "fixture-python");
        Assert.Equal("Python (computer programming)", python.PreferredLabel);
        Assert.Equal(["Python", "Python 3", "Python programming"], python.AltLabels);
        var analyst = import.Occupations.Single(o => o.ExternalId == Occupation + "fixture-data-analyst");
        Assert.Equal(["data analysis specialist", "data specialist", "big data analyst"], analyst.AltTitles);
        Assert.Equal("2511", analyst.IscoCode);
    }

    [Fact]
    public async Task Alternative_labels_leave_out_the_preferred_label_and_case_duplicates()
    {
        var import = await ReadFixture();

        var spreadsheets = import.Skills.Single(s => s.ExternalId == Skill + "fixture-spreadsheets");
        Assert.Equal(["use spreadsheets", "work with spreadsheets"], spreadsheets.AltLabels);
    }

    [Fact]
    public async Task Quoted_commas_and_doubled_quotes_survive_in_descriptions()
    {
        var import = await ReadFixture();

        var programming = import.Skills.Single(s => s.ExternalId == Skill + "fixture-programming");
        Assert.StartsWith("The techniques and principles of software development, such as \"analysis\", algorithms,", programming.Description);
        Assert.EndsWith("(e.g. object oriented programming, functional programming) and of programming languages.", programming.Description);
    }

    [Theory]
    [InlineData("fixture-python", SkillType.Knowledge, ReuseLevel.SectorSpecific)]
    [InlineData("fixture-spreadsheets", SkillType.Skill, ReuseLevel.CrossSector)]
    [InlineData("fixture-initiative", SkillType.Transversal, ReuseLevel.Transversal)]
    [InlineData("fixture-write-english", SkillType.Language, ReuseLevel.Transversal)]
    [InlineData("fixture-digital-content", SkillType.Skill, null)]
    public async Task Skill_type_comes_from_skillType_and_the_language_and_transversal_collections(string id, SkillType type, ReuseLevel? reuse)
    {
        var import = await ReadFixture();

        var skill = import.Skills.Single(s => s.ExternalId == Skill + id);
        Assert.Equal(type, skill.Type);
        Assert.Equal(reuse, skill.Reuse);
    }

    [Fact]
    public async Task Broader_relations_give_skill_parents_group_members_and_group_parents()
    {
        var import = await ReadFixture();

        Assert.Contains(new SkillRelationRecord(Skill + "fixture-python", Skill + "fixture-programming", SkillRelationKind.Broader), import.SkillRelations);
        Assert.Contains(new GroupMemberRecord(Isced + "061", Skill + "fixture-programming"), import.GroupMembers);
        Assert.Contains(new GroupMemberRecord(Skill + "fixture-group-thinking", Skill + "fixture-initiative"), import.GroupMembers);
        var ict = import.Groups.Single(g => g.ExternalId == Isced + "061");
        Assert.Equal(Isced + "06", ict.ParentExternalId);
        Assert.Equal(SkillGroupKind.Group, ict.Kind);
        Assert.Null(import.Groups.Single(g => g.ExternalId == Isced + "06").ParentExternalId);
    }

    [Fact]
    public async Task Skill_to_skill_relations_keep_essential_and_optional()
    {
        var import = await ReadFixture();

        Assert.Contains(new SkillRelationRecord(Skill + "fixture-waste", Skill + "fixture-initiative", SkillRelationKind.Essential), import.SkillRelations);
        Assert.Contains(new SkillRelationRecord(Skill + "fixture-spreadsheets", Skill + "fixture-programming", SkillRelationKind.Optional), import.SkillRelations);
    }

    [Fact]
    public async Task Collection_files_become_collection_groups_with_their_members()
    {
        var import = await ReadFixture();

        var collections = import.Groups.Where(g => g.Kind == SkillGroupKind.Collection).Select(g => g.ExternalId).ToList();
        Assert.Equal(["collection:digital", "collection:digcomp", "collection:green", "collection:language", "collection:transversal"], collections);
        Assert.Equal([Skill + "fixture-python", Skill + "fixture-spreadsheets"],
            import.GroupMembers.Where(m => m.GroupExternalId == "collection:digital").Select(m => m.SkillExternalId));
        Assert.Contains(new GroupMemberRecord("collection:green", Skill + "fixture-waste"), import.GroupMembers);
    }

    [Fact]
    public async Task Occupation_skill_relation_given_twice_is_kept_once_and_essential_wins()
    {
        var import = await ReadFixture();

        var analyst = import.OccupationSkills.Where(l => l.OccupationExternalId == Occupation + "fixture-data-analyst").ToList();
        Assert.Equal(3, analyst.Count);
        Assert.Equal(SkillRequirement.Essential, analyst.Single(l => l.SkillExternalId == Skill + "fixture-spreadsheets").Relation);
        var developer = import.OccupationSkills.Where(l => l.OccupationExternalId == Occupation + "fixture-developer").ToList();
        Assert.Equal(SkillRequirement.Optional, Assert.Single(developer, l => l.SkillExternalId == Skill + "fixture-python").Relation);
        Assert.All(import.OccupationSkills, l => Assert.Null(l.Importance));
    }

    [Fact]
    public async Task Rows_naming_concepts_known_only_from_hierarchy_files_are_skipped_and_reported()
    {
        var progress = new CollectedProgress();
        var import = await ReadFixture(progress);

        Assert.DoesNotContain(import.OccupationSkills, l => l.OccupationExternalId == Occupation + "fixture-retired");
        Assert.DoesNotContain(import.Groups, g => g.ExternalId.EndsWith("fixture-group-only-in-hierarchy", StringComparison.Ordinal));
        Assert.DoesNotContain(import.SkillRelations, r => r.SkillExternalId == r.RelatedExternalId);
        Assert.Contains(progress.Reports, p => p.Stage.StartsWith("Skipped rows of occupationSkillRelations.csv naming a concept", StringComparison.Ordinal) && p.Done == 1);
        Assert.Contains(progress.Reports, p => p.Stage.StartsWith("Skipped rows of broaderRelationsSkillPillar.csv naming a concept", StringComparison.Ordinal) && p.Done == 1);
        Assert.Contains(progress.Reports, p => p.Stage == "Skipped rows of skillSkillRelations.csv relating a concept to itself" && p.Done == 1);
    }

    [Fact]
    public async Task Progress_reports_each_file_with_its_row_count()
    {
        var progress = new CollectedProgress();
        await ReadFixture(progress);

        Assert.Contains(new ImportProgress("Reading skills_en.csv", 7, 7), progress.Reports);
        Assert.Contains(new ImportProgress("Reading occupations_en.csv", 3, 3), progress.Reports);
        Assert.Contains(new ImportProgress("Reading occupationSkillRelations.csv", 10, 10), progress.Reports);
        Assert.Contains(new ImportProgress("Reading skillsHierarchy_en.csv", 3, 3), progress.Reports);
    }

    [Fact]
    public async Task One_zip_of_all_files_reads_like_the_folder_and_names_the_version()
    {
        var dir = Directory.CreateTempSubdirectory("skillsmatch-esco-zip-").FullName;
        var zip = Path.Combine(dir, "ESCO_v1.2.0_en_csv.zip");
        ZipFile.CreateFromDirectory(Fixtures.Path("esco"), zip);

        var import = await EscoImporter.ReadAsync(zip, null, CancellationToken.None);

        Assert.Equal("1.2.0", import.Info.Version);
        AssertSameContent(await ReadFixture(), import);
    }

    [Fact]
    public async Task Folder_holding_the_classification_and_relations_zips_reads_like_the_folder()
    {
        var dir = Directory.CreateTempSubdirectory("skillsmatch-esco-zips-").FullName;
        var files = Directory.GetFiles(Fixtures.Path("esco"), "*.csv");
        var relations = files.Where(f => Path.GetFileName(f).Contains("Relations", StringComparison.Ordinal)).ToList();
        WriteZip(Path.Combine(dir, "ESCO_v1.1.1_relations_csv.zip"), relations);
        WriteZip(Path.Combine(dir, "ESCO_v1.1.1_classification_en_csv.zip"), files.Except(relations));

        var import = await EscoImporter.ReadAsync(dir, null, CancellationToken.None);

        Assert.Equal("1.1.1", import.Info.Version);
        AssertSameContent(await ReadFixture(), import);
    }

    [Fact]
    public async Task Version_is_required_when_no_name_carries_one()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => EscoImporter.ReadAsync(Fixtures.Path("esco"), null, CancellationToken.None));
    }

    [Theory]
    [InlineData("/data/esco-v1.1.1", "1.1.1")]
    [InlineData("/data/ESCO_v1.2.0_classification_en_csv.zip", "1.2.0")]
    [InlineData("/data/esco", null)]
    [InlineData("/data/dev1.2", null)]
    public void Version_is_read_from_the_folder_or_zip_name(string path, string? version)
    {
        Assert.Equal(version, EscoImporter.VersionFromName(path));
    }

    private static void WriteZip(string path, IEnumerable<string> files)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var file in files) zip.CreateEntryFromFile(file, Path.GetFileName(file));
    }

    private static void AssertSameContent(TaxonomyImport expected, TaxonomyImport actual)
    {
        Assert.Equal(expected.Skills.Select(s => (s.ExternalId, s.PreferredLabel, s.Type)), actual.Skills.Select(s => (s.ExternalId, s.PreferredLabel, s.Type)));
        Assert.Equal(expected.Occupations.Select(o => o.ExternalId), actual.Occupations.Select(o => o.ExternalId));
        Assert.Equal(expected.Groups, actual.Groups);
        Assert.Equal(expected.GroupMembers, actual.GroupMembers);
        Assert.Equal(expected.SkillRelations, actual.SkillRelations);
        Assert.Equal(expected.OccupationSkills, actual.OccupationSkills);
    }
}
