namespace SkillsMatch.Taxonomy;

/// <summary>
/// Last guard before storage: every reference inside an import must resolve. Importers report problems
/// with file and line; this catches an importer bug before it silently drops rows in a join.
/// </summary>
public static class TaxonomyImportCheck
{
    public static void ThrowIfInconsistent(TaxonomyImport import)
    {
        var problems = new List<string>();
        var skills = Unique(import.Skills.Select(s => s.ExternalId), "skill", problems);
        var groups = Unique(import.Groups.Select(g => g.ExternalId), "group", problems);
        var occupations = Unique(import.Occupations.Select(o => o.ExternalId), "occupation", problems);

        foreach (var g in import.Groups)
            if (g.ParentExternalId is { } parent && !groups.Contains(parent)) problems.Add($"group {g.ExternalId} has unknown parent {parent}");
        foreach (var m in import.GroupMembers)
            if (!groups.Contains(m.GroupExternalId) || !skills.Contains(m.SkillExternalId)) problems.Add($"group member {m.GroupExternalId} → {m.SkillExternalId} is dangling");
        foreach (var r in import.SkillRelations)
            if (!skills.Contains(r.SkillExternalId) || !skills.Contains(r.RelatedExternalId)) problems.Add($"relation {r.SkillExternalId} → {r.RelatedExternalId} is dangling");
        foreach (var l in import.OccupationSkills)
            if (!occupations.Contains(l.OccupationExternalId) || !skills.Contains(l.SkillExternalId)) problems.Add($"occupation skill {l.OccupationExternalId} → {l.SkillExternalId} is dangling");

        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"The {import.Info.Key} {import.Info.Version} import is inconsistent ({problems.Count} problems), first: {string.Join("; ", problems.Take(5))}");
    }

    private static HashSet<string> Unique(IEnumerable<string> ids, string what, List<string> problems)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
            if (!set.Add(id)) problems.Add($"duplicate {what} id {id}");
        return set;
    }
}
