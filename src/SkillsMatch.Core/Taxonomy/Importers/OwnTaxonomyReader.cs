using System.Text.RegularExpressions;

namespace SkillsMatch.Taxonomy.Importers;

/// <summary>
/// Reads and validates the SkillsMatch taxonomy (data/taxonomies/skillsmatch, format in data/taxonomies/README.md).
/// Validation collects every problem with file, line and reason instead of stopping at the first.
/// </summary>
public static partial class OwnTaxonomyReader
{
    public const string Key = "skillsmatch";

    public static OwnTaxonomyReadResult Read(string directory)
    {
        var problems = new List<TaxonomyProblem>();
        if (!Directory.Exists(directory))
            return new OwnTaxonomyReadResult(null, [new TaxonomyProblem(directory, 0, "directory does not exist")]);

        var info = ReadInfo(Path.Combine(directory, "taxonomy.tsv"), problems);
        var import = new TaxonomyImport(info);
        var groupIds = ReadGroups(Path.Combine(directory, "groups.tsv"), import, problems);
        var skillLines = ReadSkills(Path.Combine(directory, "skills.tsv"), import, groupIds, problems);
        OwnTaxonomyChecks.CheckBroaderCycles(import, skillLines, problems);
        OwnTaxonomyChecks.CheckAliasClashes(import, skillLines, problems);
        ReadOccupations(Path.Combine(directory, "occupations.tsv"), import, skillLines, problems);
        ReadRelated(Path.Combine(directory, "related.tsv"), import, skillLines, problems);
        OwnTaxonomyTranslations.Read(directory, import, problems);
        return new OwnTaxonomyReadResult(problems.Count == 0 ? import : null, problems);
    }

    private static TaxonomyInfo ReadInfo(string path, List<TaxonomyProblem> problems)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(path, ["key", "value"], problems))
            if (!values.TryAdd(row[0], row[1])) problems.Add(Problem(path, row, $"key '{row[0]}' appears twice"));
        string Get(string key)
        {
            if (values.TryGetValue(key, out var v) && v.Length > 0) return v;
            problems.Add(new TaxonomyProblem(Path.GetFileName(path), 0, $"required key '{key}' is missing"));
            return "";
        }
        return new TaxonomyInfo(Key, Get("version"), Get("name"), Get("source"), Get("licence"), values.GetValueOrDefault("attribution"));
    }

    private static HashSet<string> ReadGroups(string path, TaxonomyImport import, List<TaxonomyProblem> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(path, ["id", "label", "description"], problems))
        {
            if (!CheckId(path, row, ids, problems)) continue;
            if (row[1].Length == 0) { problems.Add(Problem(path, row, "empty label")); continue; }
            import.Groups.Add(new SkillGroupRecord(row[0], row[1], NullIfEmpty(row[2]), SkillGroupKind.Collection, null));
        }
        return ids;
    }

    private static Dictionary<string, int> ReadSkills(string path, TaxonomyImport import, HashSet<string> groupIds, List<TaxonomyProblem> problems)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = TsvFile.Read(path, ["id", "type", "reuse", "label", "aliases", "broader", "groups", "description"], problems).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!CheckId(path, row, ids, problems)) continue;
            lines[row[0]] = row.Line;
        }
        foreach (var row in rows)
        {
            if (!lines.TryGetValue(row[0], out var line) || line != row.Line) continue;
            var type = SkillKindNames.ParseSkillType(row[1]);
            var reuse = row[2].Length == 0 ? null : SkillKindNames.ParseReuseLevel(row[2]);
            if (type is null) problems.Add(Problem(path, row, $"unknown type '{row[1]}' (skill, knowledge, tool, transversal, language)"));
            if (row[2].Length > 0 && reuse is null) problems.Add(Problem(path, row, $"unknown reuse level '{row[2]}'"));
            if (row[3].Length == 0) problems.Add(Problem(path, row, "empty label"));
            var broader = row[5];
            if (broader.Length > 0 && !lines.ContainsKey(broader)) problems.Add(Problem(path, row, $"broader skill '{broader}' does not exist"));
            else if (broader == row[0]) problems.Add(Problem(path, row, "a skill cannot be its own broader skill"));
            foreach (var group in row.List(6))
                if (!groupIds.Contains(group)) problems.Add(Problem(path, row, $"group '{group}' does not exist in groups.tsv"));
                else import.GroupMembers.Add(new GroupMemberRecord(group, row[0]));
            if (type is null || row[3].Length == 0) continue;

            import.Skills.Add(new SkillRecord(row[0], row[3], row.List(4), NullIfEmpty(row[7]), type.Value, reuse));
            if (broader.Length > 0 && broader != row[0] && lines.ContainsKey(broader))
                import.SkillRelations.Add(new SkillRelationRecord(row[0], broader, SkillRelationKind.Broader));
        }
        return lines;
    }

    private static void ReadOccupations(string path, TaxonomyImport import, Dictionary<string, int> skills, List<TaxonomyProblem> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var header = new[] { "id", "title", "alt_titles", "noc2021", "isco08", "onet_soc", "sector", "essential", "optional", "description" };
        foreach (var row in TsvFile.Read(path, header, problems))
        {
            if (!CheckId(path, row, ids, problems)) continue;
            if (row[1].Length == 0) { problems.Add(Problem(path, row, "empty title")); continue; }
            CheckCode(path, row, 3, NocCode(), "NOC 2021 code must be 5 digits", problems);
            CheckCode(path, row, 4, IscoCode(), "ISCO-08 code must be 4 digits", problems);
            CheckCode(path, row, 5, OnetSocCode(), "O*NET-SOC code must look like 15-2051.00", problems);
            var essential = row.List(7);
            var optional = row.List(8);
            if (essential.Count == 0) problems.Add(Problem(path, row, "an occupation needs at least one essential skill"));
            foreach (var both in essential.Intersect(optional)) problems.Add(Problem(path, row, $"skill '{both}' is both essential and optional"));
            import.Occupations.Add(new OccupationRecord(row[0], row[1], row.List(2), NullIfEmpty(row[9]),
                NullIfEmpty(row[4]), NullIfEmpty(row[5]), NullIfEmpty(row[3]), NullIfEmpty(row[6])));
            AddProfile(path, row, import, skills, essential, SkillRequirement.Essential, problems);
            AddProfile(path, row, import, skills, optional.Except(essential).ToList(), SkillRequirement.Optional, problems);
        }
    }

    private static void AddProfile(string path, TsvRow row, TaxonomyImport import, Dictionary<string, int> skills,
        IReadOnlyList<string> skillIds, SkillRequirement relation, List<TaxonomyProblem> problems)
    {
        foreach (var skill in skillIds.Distinct(StringComparer.Ordinal))
            if (!skills.ContainsKey(skill)) problems.Add(Problem(path, row, $"{relation.ToName()} skill '{skill}' does not exist"));
            else import.OccupationSkills.Add(new OccupationSkillRecord(row[0], skill, relation, null, null));
    }

    private static void ReadRelated(string path, TaxonomyImport import, Dictionary<string, int> skills, List<TaxonomyProblem> problems)
    {
        foreach (var row in TsvFile.Read(path, ["skill", "related", "kind"], problems))
        {
            SkillRelationKind? kind = row[2] switch { "related" => SkillRelationKind.Related, "prerequisite" => SkillRelationKind.Prerequisite, _ => null };
            if (kind is null) { problems.Add(Problem(path, row, $"unknown kind '{row[2]}' (related, prerequisite)")); continue; }
            if (!skills.ContainsKey(row[0])) problems.Add(Problem(path, row, $"skill '{row[0]}' does not exist"));
            else if (!skills.ContainsKey(row[1])) problems.Add(Problem(path, row, $"skill '{row[1]}' does not exist"));
            else if (row[0] == row[1]) problems.Add(Problem(path, row, "a skill cannot be related to itself"));
            else import.SkillRelations.Add(new SkillRelationRecord(row[0], row[1], kind.Value));
        }
    }

    private static bool CheckId(string path, TsvRow row, HashSet<string> seen, List<TaxonomyProblem> problems)
    {
        if (!Slug().IsMatch(row[0])) { problems.Add(Problem(path, row, $"id '{row[0]}' is not a lower-case slug")); return false; }
        if (!seen.Add(row[0])) { problems.Add(Problem(path, row, $"duplicate id '{row[0]}'")); return false; }
        return true;
    }

    private static void CheckCode(string path, TsvRow row, int column, Regex format, string reason, List<TaxonomyProblem> problems)
    {
        if (row[column].Length > 0 && !format.IsMatch(row[column])) problems.Add(Problem(path, row, $"{reason}, found '{row[column]}'"));
    }

    internal static TaxonomyProblem Problem(string path, TsvRow row, string reason) => new(Path.GetFileName(path), row.Line, reason);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    [GeneratedRegex("^[a-z0-9][a-z0-9.+#-]*$")] private static partial Regex Slug();
    [GeneratedRegex(@"^\d{5}$")] private static partial Regex NocCode();
    [GeneratedRegex(@"^\d{4}$")] private static partial Regex IscoCode();
    [GeneratedRegex(@"^\d{2}-\d{4}\.\d{2}$")] private static partial Regex OnetSocCode();
}

public sealed record OwnTaxonomyReadResult(TaxonomyImport? Import, IReadOnlyList<TaxonomyProblem> Problems);
