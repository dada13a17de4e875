using SkillsMatch.Taxonomy;
using SkillsMatch.Taxonomy.Importers;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Taxonomy.Importers;

[Trait("Category", "Unit")]
public sealed class EscoImporterErrorTests
{
    private const string Waste = "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/fixture-waste,";
    private const string DigitalContent = "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/fixture-digital-content";
    private const string Developer = "http://data.europa.eu/esco/occupation/fixture-developer";

    [Theory]
    [InlineData("skills_en.csv", Waste, Waste + "skill/competence,sector-specific,,,,released,,,,,Manage waste.", "empty preferredLabel")]
    [InlineData("skills_en.csv", Waste, Waste + "competence,sector-specific,manage waste,,,released,,,,,Manage waste.",
        "unknown skillType 'competence' (expected skill/competence or knowledge)")]
    [InlineData("skills_en.csv", Waste, Waste + "skill/competence,sector-wide,manage waste,,,released,,,,,Manage waste.", "unknown reuseLevel 'sector-wide'")]
    [InlineData("skills_en.csv", Waste, Waste + "skill/competence,sector-specific,manage waste,,,released", "expected 13 columns as in the header, found 8")]
    [InlineData("skills_en.csv", Waste, Waste + "skill/competence,sector-specific,manage waste,\"handle waste,,released,,,,,Manage waste.",
        "unexpected 'h' after a closing quote")]
    [InlineData("skills_en.csv", DigitalContent, DigitalContent + ",,digital content creation,,,released,,,,,\"Create and edit digital content.",
        "a quoted field is never closed")]
    [InlineData("skills_en.csv", Waste, Waste + "skill/competence,sector-specific,\"manage\" waste,,,released,,,,,Manage waste.", "unexpected ' ' after a closing quote")]
    [InlineData("skills_en.csv", "conceptType,", "conceptType,conceptUri,skillType,reuseLevel,label,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description",
        "header has no 'preferredLabel' column")]
    [InlineData("skills_en.csv", DigitalContent,
        "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/fixture-waste,skill/competence,,manage waste again,,,released,,,,,Twice.",
        "'http://data.europa.eu/esco/skill/fixture-waste' is defined twice")]
    [InlineData("occupations_en.csv", "Occupation,http://data.europa.eu/esco/occupation/fixture-waste-officer,",
        "Occupation,http://data.europa.eu/esco/occupation/fixture-waste-officer,32,waste management officer,,,released,,,,,,Waste.,3257.10",
        "iscoGroup '32' is not a 4-digit ISCO-08 unit group")]
    [InlineData("occupationSkillRelations.csv", null, Developer + ",essential,knowledge,http://data.europa.eu/esco/skill/no-such-skill",
        "skillUri 'http://data.europa.eu/esco/skill/no-such-skill' is not defined in any ESCO file")]
    [InlineData("occupationSkillRelations.csv", null, Developer + ",essential,knowledge,http://data.europa.eu/esco/isced-f/06",
        "'http://data.europa.eu/esco/isced-f/06' is a skill group, expected a skill")]
    [InlineData("occupationSkillRelations.csv", null, Developer + ",required,knowledge,http://data.europa.eu/esco/skill/fixture-python",
        "unknown relationType 'required' (expected essential or optional)")]
    [InlineData("skillSkillRelations.csv", null, "http://data.europa.eu/esco/skill/fixture-python,knowledge,optional,knowledge,http://data.europa.eu/esco/skill/nowhere",
        "relatedSkillUri 'http://data.europa.eu/esco/skill/nowhere' is not defined in any ESCO file")]
    [InlineData("broaderRelationsSkillPillar.csv", null,
        "SkillGroup,http://data.europa.eu/esco/isced-f/06,KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/fixture-python",
        "a skill group cannot have a skill as its broader concept")]
    [InlineData("greenSkillsCollection_en.csv", null, "KnowledgeSkillCompetence,http://data.europa.eu/esco/occupation/fixture-developer,x,released,,,,,,",
        "is an occupation, expected a skill")]
    public async Task Malformed_line_is_reported_with_file_line_and_reason(string file, string? line, string replacement, string reason)
    {
        var dir = Fixtures.CopyOf("esco");
        var lineNumber = ReplaceRecord(Path.Combine(dir, file), line, replacement);

        var error = await Assert.ThrowsAsync<TaxonomyFormatException>(() => EscoImporter.ReadAsync(dir, "1.1.1", null, CancellationToken.None));

        Assert.Equal(file, error.File);
        Assert.Equal(lineNumber, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// Replaces the whole record starting with <paramref name="startsWith"/> (or appends one when null) and returns
    /// its first line. ESCO ends records with CRLF and breaks lines inside quoted cells with LF alone, which is
    /// what finds the record's end; Fixtures.EditLine would replace only its first physical line.
    /// </summary>
    private static int ReplaceRecord(string path, string? startsWith, string replacement)
    {
        var text = File.ReadAllText(path);
        var start = startsWith is null ? text.Length
            : text.StartsWith(startsWith, StringComparison.Ordinal) ? 0
            : text.IndexOf("\r\n" + startsWith, StringComparison.Ordinal) + 2;
        if (start == 1) throw new InvalidOperationException($"no record starts with {startsWith}");
        var end = startsWith is null ? text.Length : text.IndexOf("\r\n", start, StringComparison.Ordinal);
        File.WriteAllText(path, text[..start] + replacement + (startsWith is null ? "\r\n" : "") + text[end..]);
        return 1 + text[..start].Count(c => c == '\n');
    }

    [Fact]
    public async Task Error_in_a_record_spanning_several_lines_names_the_line_it_starts_on()
    {
        var dir = Fixtures.CopyOf("esco");
        var path = Path.Combine(dir, "skills_en.csv");
        var text = await File.ReadAllTextAsync(path);
        var start = text.IndexOf("KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/fixture-spreadsheets,", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, text.Replace("skill/competence,cross-sector,use spreadsheets software", "skill,cross-sector,use spreadsheets software", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<TaxonomyFormatException>(() => EscoImporter.ReadAsync(dir, "1.1.1", null, CancellationToken.None));

        // The Python record before it spans five physical lines (three alternative labels, two schemes).
        Assert.Equal(6, 1 + text[..start].Count(c => c == '\n'));
        Assert.Equal(6, error.Line);
        Assert.Contains("unknown skillType 'skill'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_relations_file_is_reported_by_name()
    {
        var dir = Fixtures.CopyOf("esco");
        File.Delete(Path.Combine(dir, "occupationSkillRelations.csv"));

        var error = await Assert.ThrowsAsync<TaxonomyFormatException>(() => EscoImporter.ReadAsync(dir, "1.1.1", null, CancellationToken.None));

        Assert.Equal("occupationSkillRelations.csv", error.File);
        Assert.Equal(0, error.Line);
        Assert.Contains("file is missing", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optional_files_may_be_absent()
    {
        var dir = Fixtures.CopyOf("esco");
        foreach (var file in Directory.GetFiles(dir, "*Collection_en.csv").Append(Path.Combine(dir, "skillsHierarchy_en.csv")))
            File.Delete(file);
        Fixtures.EditLine(Path.Combine(dir, "broaderRelationsSkillPillar.csv"), "SkillGroup,http://data.europa.eu/esco/skill/fixture-group-only-in-hierarchy,", "");

        var import = await EscoImporter.ReadAsync(dir, "1.1.1", null, CancellationToken.None);

        Assert.Equal(7, import.Skills.Count);
        Assert.DoesNotContain(import.Groups, g => g.Kind == SkillGroupKind.Collection);
        Assert.Equal(SkillType.Skill, import.Skills.Single(s => s.PreferredLabel == "show initiative").Type);
    }
}
