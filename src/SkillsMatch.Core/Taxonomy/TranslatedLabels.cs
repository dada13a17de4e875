namespace SkillsMatch.Taxonomy;

/// <summary>
/// A skill's or occupation's labels in one language other than the taxonomy's own: the preferred label and its
/// alternatives, keyed by the concept's external id (ESCO URI, our slug).
/// </summary>
public sealed record TranslatedLabels(string ExternalId, string Language, string Preferred, IReadOnlyList<string> Alternatives);

/// <summary>The translated labels a source gives for skills and for occupations.</summary>
public sealed record TranslationSet(string Language, IReadOnlyList<TranslatedLabels> Skills, IReadOnlyList<TranslatedLabels> Occupations)
{
    public static TranslationSet Empty(string language) => new(language, [], []);
}
