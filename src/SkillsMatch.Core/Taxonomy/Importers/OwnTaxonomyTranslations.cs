namespace SkillsMatch.Taxonomy.Importers;

/// <summary>
/// Our taxonomy's labels in another language: <c>skills_LANG.tsv</c> (<c>id, label, aliases</c>) and
/// <c>occupations_LANG.tsv</c> (<c>id, title, alt_titles</c>) beside skills.tsv and occupations.tsv. Both are optional;
/// a row must name an id the English file defines and give a label.
/// </summary>
internal static class OwnTaxonomyTranslations
{
    public static readonly string[] Languages = ["fr"];

    public static void Read(string directory, TaxonomyImport import, List<TaxonomyProblem> problems)
    {
        var skillIds = import.Skills.Select(s => s.ExternalId).ToHashSet(StringComparer.Ordinal);
        var occupationIds = import.Occupations.Select(o => o.ExternalId).ToHashSet(StringComparer.Ordinal);
        foreach (var language in Languages)
        {
            var skills = ReadFile(Path.Combine(directory, $"skills_{language}.tsv"), ["id", "label", "aliases"], language, skillIds, "skill", problems);
            var occupations = ReadFile(Path.Combine(directory, $"occupations_{language}.tsv"), ["id", "title", "alt_titles"], language, occupationIds, "occupation", problems);
            if (skills.Count + occupations.Count > 0) import.Translations.Add(new TranslationSet(language, skills, occupations));
        }
    }

    private static List<TranslatedLabels> ReadFile(string path, string[] header, string language, HashSet<string> known, string what,
        List<TaxonomyProblem> problems)
    {
        var found = new List<TranslatedLabels>();
        if (!File.Exists(path)) return found;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(path, header, problems))
        {
            if (!known.Contains(row[0])) { problems.Add(OwnTaxonomyReader.Problem(path, row, $"{what} '{row[0]}' does not exist")); continue; }
            if (!seen.Add(row[0])) { problems.Add(OwnTaxonomyReader.Problem(path, row, $"duplicate id '{row[0]}'")); continue; }
            if (row[1].Length == 0) { problems.Add(OwnTaxonomyReader.Problem(path, row, "empty label")); continue; }
            found.Add(new TranslatedLabels(row[0], language, row[1], row.List(2)));
        }
        return found;
    }
}
