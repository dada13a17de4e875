namespace SkillsMatch.Taxonomy;

/// <summary>
/// The one taxonomy learners' skills, postings' skills and catalog offerings are stored in, so they can be
/// compared id for id. Configured as Taxonomy:Working (key, key@version or id); the shipped taxonomy by default.
/// Other taxonomies reach it through crosswalks.
/// </summary>
public sealed class WorkingTaxonomy(TaxonomyStore store, string reference = WorkingTaxonomy.DefaultReference)
{
    public const string DefaultReference = "skillsmatch";

    public string Reference => reference;

    /// <summary>The working taxonomy's id; it is resolved on every call because an import may add a newer version.</summary>
    public async Task<int> GetIdAsync(CancellationToken ct) =>
        await store.ResolveTaxonomyAsync(reference, ct)
        ?? throw new InvalidOperationException($"The working taxonomy '{reference}' is not loaded; import it first (taxonomy import).");
}
