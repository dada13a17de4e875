namespace SkillsMatch.Taxonomy;

/// <summary>Configuration section Taxonomy: the working taxonomy and the shipped one loaded on start.</summary>
public sealed class TaxonomyOptions
{
    /// <summary>The taxonomy postings, learners and the catalog are mapped to (key, key@version or id).</summary>
    public string Working { get; set; } = WorkingTaxonomy.DefaultReference;

    /// <summary>Load the shipped taxonomy on first start (and when its version changes).</summary>
    public bool SeedOnStart { get; set; } = true;

    /// <summary>The shipped taxonomy's folder; data/taxonomies/skillsmatch found by walking up when empty.</summary>
    public string? DefaultPath { get; set; }
}
