using SkillsMatch.Taxonomy;

namespace SkillsMatch.Extraction;

/// <summary>Everything extraction needs about one taxonomy, built once: the label automaton and the skill vectors.</summary>
public sealed class ExtractionModel
{
    public ExtractionModel(IReadOnlyList<ExtractionSkill> skills)
    {
        Skills = skills.ToDictionary(s => s.Id);
        Matcher = new LexicalMatcher(skills.SelectMany(s => s.AltLabels.Select(a => new LexiconEntry(s.Id, a, false))
            .Prepend(new LexiconEntry(s.Id, s.Label, true))));
        Vectors = new SkillVectors(skills);
        Overlap = new LabelOverlap(skills);
    }

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
        models.GetAsync(taxonomyId, async ct => new ExtractionModel(await store.LoadSkillsAsync(taxonomyId, ct)), ct);

    public void Dispose() => models.Dispose();
}
