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

    /// <summary>A phrase holding a loose alias must lie this close to the alias's skill to corroborate it.</summary>
    public double AliasPhraseCorroboration { get; init; } = 0.45;

    /// <summary>Cosine at which a skill found by meaning alone starts to count, and where it is certain.</summary>
    public double SemanticFloor { get; init; } = 0.45;
    public double SemanticCeiling { get; init; } = 0.80;

    /// <summary>Reported skills need at least this confidence (the operating threshold).</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Semantic candidates considered per sentence.</summary>
    public int SemanticCandidates { get; init; } = 20;

    /// <summary>
    /// Added to a semantic candidate's cosine per unit of <see cref="LabelOverlap"/> (its label's words in the
    /// sentence). Tried 0, 0.1 and 0.2 on the ESCO skill-linking dev split: 0.2 ranks better still but costs
    /// our gold set's precision (F1 0.825 → 0.804); 0.1 keeps F1.
    /// </summary>
    public double LabelOverlapWeight { get; init; } = 0.1;

    /// <summary>
    /// Words of one text the semantic stage embeds at most (sentences, or their residue phrases, cut to
    /// <see cref="SemanticSelection.MaxWordsPerSentence"/>; requirement sentences first). Bounds the cost of a long posting.
    /// </summary>
    public int SemanticWordBudget { get; init; } = 96;

    /// <summary>
    /// The same for a phrase embedded alone (<see cref="ResiduePhrases"/>): a short phrase lies closer to skill
    /// labels than its whole sentence does, so its cosines run higher. Tried on our gold set with floors 0.45–0.60
    /// (ceiling 0.35 above): 0.45 gave F1 0.815 (P 0.778), 0.55 F1 0.844 (P 0.857, R 0.831), 0.60 F1 0.845 (R 0.827).
    /// </summary>
    public double PhraseFloor { get; init; } = 0.55;
    public double PhraseCeiling { get; init; } = 0.90;

    public double SemanticConfidence(double cosine) =>
        Math.Clamp((cosine - SemanticFloor) / (SemanticCeiling - SemanticFloor), 0, 1) * 0.85;

    public double PhraseConfidence(double cosine) =>
        Math.Clamp((cosine - PhraseFloor) / (PhraseCeiling - PhraseFloor), 0, 1) * 0.85;
}
