namespace SkillsMatch.Taxonomy.Importers;

/// <summary>Whole-file checks of the shipped taxonomy that no single row can make.</summary>
internal static class OwnTaxonomyChecks
{
    public static void CheckBroaderCycles(TaxonomyImport import, Dictionary<string, int> skillLines, List<TaxonomyProblem> problems)
    {
        var parent = import.SkillRelations.Where(r => r.Kind == SkillRelationKind.Broader)
            .ToDictionary(r => r.SkillExternalId, r => r.RelatedExternalId, StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in parent.Keys)
        {
            var path = new List<string> { start };
            var seen = new HashSet<string>(StringComparer.Ordinal) { start };
            for (var at = start; parent.TryGetValue(at, out var next); at = next)
            {
                if (!seen.Add(next))
                {
                    var members = path.SkipWhile(id => id != next).ToList();
                    if (!members.Any(reported.Contains))
                    {
                        reported.UnionWith(members);
                        problems.Add(new TaxonomyProblem("skills.tsv", skillLines[next],
                            $"broader relations form a cycle: {string.Join(" → ", members.Append(next))}"));
                    }
                    break;
                }
                path.Add(next);
            }
        }
    }

    /// <summary>An alias that names two skills would make every match on it a coin toss.</summary>
    public static void CheckAliasClashes(TaxonomyImport import, Dictionary<string, int> skillLines, List<TaxonomyProblem> problems)
    {
        var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var skill in import.Skills)
        {
            foreach (var label in skill.AltLabels.Prepend(skill.PreferredLabel).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (owner.TryGetValue(label, out var other) && other != skill.ExternalId)
                    problems.Add(new TaxonomyProblem("skills.tsv", skillLines[skill.ExternalId], $"label or alias '{label}' also names skill '{other}'"));
                else owner[label] = skill.ExternalId;
            }
        }
    }
}
