using SkillsMatch.Taxonomy;
using SkillsMatch.Taxonomy.Importers;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Taxonomy;

[Trait("Category", "Unit")]
public sealed class OwnTaxonomyReaderTests
{
    [Fact]
    public void Valid_taxonomy_reads_skills_occupations_profiles_and_relations()
    {
        var result = OwnTaxonomyReader.Read(Fixtures.Path("own"));

        Assert.Empty(result.Problems);
        var import = Assert.IsType<TaxonomyImport>(result.Import);
        Assert.Equal("0.1.0", import.Info.Version);
        Assert.Equal(12, import.Skills.Count);
        Assert.Equal(3, import.Occupations.Count);
        Assert.Contains(import.Skills, s => s.ExternalId == "cpp" && s.PreferredLabel == "C++" && s.AltLabels.Contains("C plus plus"));
        Assert.Contains(import.SkillRelations, r => r is { SkillExternalId: "pandas", RelatedExternalId: "python", Kind: SkillRelationKind.Broader });
        Assert.Contains(import.SkillRelations, r => r is { SkillExternalId: "pandas", Kind: SkillRelationKind.Prerequisite });
        Assert.Equal(3, import.OccupationSkills.Count(l => l.OccupationExternalId == "data-analyst" && l.Relation == SkillRequirement.Essential));
        Assert.Equal("21223", import.Occupations.Single(o => o.ExternalId == "data-analyst").NocCode);
    }

    [Theory]
    [InlineData("skills.tsv", "sql\t", "python\ttool\tcross-sector\tPython again\t\t\t\tDuplicate.", "duplicate id 'python'")]
    [InlineData("skills.tsv", "sql\t", "sql\tskill\tcross-sector\tSQL\t\tno-such-skill\t\tDangling broader.", "broader skill 'no-such-skill' does not exist")]
    [InlineData("skills.tsv", "sql\t", "sql\tskill\tcross-sector\t\t\t\t\tNo label.", "empty label")]
    [InlineData("skills.tsv", "sql\t", "sql\tgadget\tcross-sector\tSQL\t\t\t\tBad type.", "unknown type 'gadget'")]
    [InlineData("skills.tsv", "sql\t", "sql\tskill\tcross-sector\tSQL", "expected 8 tab-separated columns, found 4")]
    [InlineData("skills.tsv", "sql\t", "sql\tskill\tcross-sector\tSQL\tcoding\t\t\tAlias clash.", "alias 'coding' also names skill 'programming'")]
    [InlineData("occupations.tsv", "forklift-operator\t", "forklift-operator\tforklift operator\t\t75101\t8344\t\tlogistics\tforklift\tforklift\tBoth.", "skill 'forklift' is both essential and optional")]
    [InlineData("occupations.tsv", "forklift-operator\t", "forklift-operator\tforklift operator\t\t7510\t8344\t\tlogistics\tforklift\t\tBad NOC.", "NOC 2021 code must be 5 digits")]
    [InlineData("occupations.tsv", "forklift-operator\t", "forklift-operator\tforklift operator\t\t\t\t\tlogistics\tno-such-skill\t\tDangling.", "essential skill 'no-such-skill' does not exist")]
    [InlineData("related.tsv", null, "sql\tsql\trelated", "a skill cannot be related to itself")]
    public void Bad_line_is_rejected_with_file_line_and_reason(string file, string? line, string replacement, string reason)
    {
        var dir = Fixtures.CopyOf("own");
        var lineNumber = Fixtures.EditLine(Path.Combine(dir, file), line, replacement);

        var result = OwnTaxonomyReader.Read(dir);

        Assert.Null(result.Import);
        Assert.Contains(result.Problems, p => p.File == file && p.Line == lineNumber && p.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Cycle_in_broader_relations_is_rejected_naming_the_cycle()
    {
        var dir = Fixtures.CopyOf("own");
        Fixtures.EditLine(Path.Combine(dir, "skills.tsv"), "programming\t",
            "programming\tskill\tcross-sector\tcomputer programming\tcoding\tpandas\tdigital\tNow inside a cycle.");

        var result = OwnTaxonomyReader.Read(dir);

        Assert.Null(result.Import);
        var cycle = Assert.Single(result.Problems, p => p.Reason.Contains("cycle", StringComparison.Ordinal));
        Assert.Contains("python", cycle.Reason, StringComparison.Ordinal);
        Assert.Contains("pandas", cycle.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_and_wrong_header_are_reported()
    {
        var dir = Fixtures.CopyOf("own");
        File.Delete(Path.Combine(dir, "related.tsv"));
        Fixtures.EditLine(Path.Combine(dir, "groups.tsv"), "id\t", "id\tname\tdescription");

        var result = OwnTaxonomyReader.Read(dir);

        Assert.Contains(result.Problems, p => p.File == "related.tsv" && p.Reason == "file is missing");
        Assert.Contains(result.Problems, p => p.File == "groups.tsv" && p.Line == 1 && p.Reason.StartsWith("header must be", StringComparison.Ordinal));
    }
}
