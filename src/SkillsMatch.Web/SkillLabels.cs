using System.Globalization;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Web;

/// <summary>
/// Skill labels and occupation titles in the page's language: the taxonomy's translated label (skill_translations,
/// occupation_translations: ESCO's French labels from <c>taxonomy import esco … --labels fr DIR</c>, our own taxonomy's
/// skills_fr.tsv) when the UI culture is not English and one exists, else the taxonomy's own English label.
/// One query per page, for the skills or occupations the page shows.
/// </summary>
public sealed class SkillLabels(TaxonomyStore store)
{
    private IReadOnlyDictionary<long, string> labels = new Dictionary<long, string>();
    private IReadOnlyDictionary<long, string> titles = new Dictionary<long, string>();

    /// <summary>
    /// The UI culture's language from its name ("fr-CA" → "fr"): under invariant globalization TwoLetterISOLanguageName
    /// is "iv" for every culture, so no translated label was ever found.
    /// </summary>
    public static string Language => CultureInfo.CurrentUICulture.Name is { Length: >= 2 } name ? name[..2].ToLowerInvariant() : "en";

    public async Task LoadAsync(IEnumerable<long> skillIds, CancellationToken ct)
    {
        if (Language == "en") return;
        labels = await store.TranslatedSkillLabelsAsync(skillIds.Distinct().ToArray(), Language, ct);
    }

    public async Task LoadOccupationsAsync(IEnumerable<long> occupationIds, CancellationToken ct)
    {
        if (Language == "en") return;
        titles = await store.TranslatedOccupationTitlesAsync(occupationIds.Distinct().ToArray(), Language, ct);
    }

    /// <summary>The label in the page's language when there is one, else <paramref name="fallback"/>.</summary>
    public string Skill(long skillId, string fallback) => labels.GetValueOrDefault(skillId, fallback);

    /// <summary>The occupation's title in the page's language when there is one, else <paramref name="fallback"/>.</summary>
    public string Occupation(long occupationId, string fallback) => titles.GetValueOrDefault(occupationId, fallback);
}
