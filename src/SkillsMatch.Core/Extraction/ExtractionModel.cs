using SkillsMatch.Taxonomy;

namespace SkillsMatch.Extraction;

/// <summary>Everything extraction needs about one taxonomy, built once: the label automaton and the skill vectors.</summary>
public sealed class ExtractionModel
{
    /// <param name="frenchLabels">The skills' French labels; French text is matched against them and the English ones.</param>
    public ExtractionModel(IReadOnlyList<ExtractionSkill> skills, IReadOnlyList<LexiconEntry>? frenchLabels = null)
    {
        Skills = skills.ToDictionary(s => s.Id);
        var english = skills.SelectMany(s => s.AltLabels.Select(a => new LexiconEntry(s.Id, a, false))
            .Prepend(new LexiconEntry(s.Id, s.Label, true))).ToList();
        Matcher = new LexicalMatcher(english);
        // French postings name tools and products as English ones do (Excel, Power BI), so both sets are matched. Built on
        // the first French text: an ESCO with French labels would otherwise hold a second automaton of all its labels for English text.
        french = frenchLabels is { Count: > 0 }
            ? new Lazy<LexicalMatcher>(() => new LexicalMatcher(frenchLabels.Where(l => Skills.ContainsKey(l.SkillId)).Concat(english)))
            : new Lazy<LexicalMatcher>(Matcher);
        Vectors = new SkillVectors(skills);
        Overlap = new LabelOverlap(skills);
    }

    /// <summary>English and French labels together; the English matcher when the taxonomy has no French labels.</summary>
    public LexicalMatcher FrenchMatcher => french.Value;

    private readonly Lazy<LexicalMatcher> french;

    public LabelOverlap Overlap { get; }

    public IReadOnlyDictionary<long, ExtractionSkill> Skills { get; }

    public LexicalMatcher Matcher { get; }

    public SkillVectors Vectors { get; }
}

/// <summary>Extraction models per taxonomy, rebuilt when the taxonomies in the database change.</summary>
public sealed class ExtractionModels(ExtractionStore store, TaxonomyStore taxonomies) : IDisposable
{
    private readonly TaxonomyVersionedCache<ExtractionModel> models = new(taxonomies);

    public Task<ExtractionModel> ForTaxonomyAsync(int taxonomyId, CancellationToken ct) =>
        models.GetAsync(taxonomyId, async ct => new ExtractionModel(
            await store.LoadSkillsAsync(taxonomyId, ct), await store.LoadTranslatedLabelsAsync(taxonomyId, TextLanguage.French, ct)), ct);

    public void Dispose() => models.Dispose();
}
