namespace SkillsMatch.Extraction;

/// <summary>
/// The fusion step's numbers, in one place. Defaults were calibrated with <c>skillsmatch eval linking</c>
/// (see the Extraction issue's note for the figures and data).
/// </summary>
public sealed record ExtractionCalibration
{
    /// <summary>Confidence of an unambiguous label found in the text (preferred label / alternative label).</summary>
    public double PreferredLabel { get; init; } = 0.92;
    public double AltLabel { get; init; } = 0.88;

    /// <summary>A short or case-mismatched label alone ("R", "Go", "excel at") is weak evidence.</summary>
    public double AmbiguousLabel { get; init; } = 0.35;

    /// <summary>Cosine of sentence and skill above which meaning corroborates an ambiguous label.</summary>
    public double Corroboration { get; init; } = 0.35;

    /// <summary>Cosine at which a skill found by meaning alone starts to count, and where it is certain.</summary>
    public double SemanticFloor { get; init; } = 0.45;
    public double SemanticCeiling { get; init; } = 0.80;

    /// <summary>Reported skills need at least this confidence (the operating threshold).</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Semantic candidates considered per sentence.</summary>
    public int SemanticCandidates { get; init; } = 20;

    public double SemanticConfidence(double cosine) =>
        Math.Clamp((cosine - SemanticFloor) / (SemanticCeiling - SemanticFloor), 0, 1) * 0.85;
}
