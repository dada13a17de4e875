namespace SkillsMatch.Taxonomy.Importers;

/// <summary>
/// ESCO's labels in another language as the Commission publishes them per language: <c>skills_LANG.csv</c> and
/// <c>occupations_LANG.csv</c> (a folder or a zip), each with <c>conceptUri</c>, <c>preferredLabel</c> and <c>altLabels</c>
/// (one label per line inside the quoted cell). Only those columns are read, so the reduced v1.0 layout of the French
/// files in ../shared/data/esco-fr and the full v1.1 layout both work. Labels are joined to an imported ESCO by URI
/// when stored (<see cref="TranslationWriter"/>).
/// </summary>
public static class EscoTranslations
{
    public static async Task<TranslationSet> ReadAsync(string dirOrZip, string language, CancellationToken ct)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(language, "^[a-z]{2}$"))
            throw new TaxonomyFormatException(dirOrZip, 0, $"'{language}' is not a two-letter language code such as fr");
        using var files = PublishedFiles.Open(dirOrZip);
        var skills = await ReadConceptsAsync(files, $"skills_{language}.csv", language, ct);
        var occupations = await ReadConceptsAsync(files, $"occupations_{language}.csv", language, ct);
        return new TranslationSet(language, skills, occupations);
    }

    private static async Task<List<TranslatedLabels>> ReadConceptsAsync(PublishedFiles files, string file, string language, CancellationToken ct)
    {
        using var t = await PublishedTable.OpenAsync(files, file, ',', quoting: true, ["conceptUri", "preferredLabel", "altLabels"], ct);
        int uri = t.Column("conceptUri"), preferred = t.Column("preferredLabel"), alt = t.Column("altLabels");
        var concepts = new List<TranslatedLabels>();
        while (await t.ReadAsync(ct))
        {
            if (t[uri].Length == 0) throw t.Error("empty conceptUri");
            if (t[preferred].Length == 0) throw t.Error($"'{t[uri]}' has no preferredLabel");
            var alternatives = t.Raw(alt).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            concepts.Add(new TranslatedLabels(t[uri], language, t[preferred], alternatives));
        }
        if (concepts.Count == 0) throw new TaxonomyFormatException(file, t.Line, "the file holds no concepts");
        return concepts;
    }
}
