namespace SkillsMatch.Extraction;

/// <summary>How a skill was found: a label in the text, a close meaning, or both agreeing.</summary>
public enum ExtractionMethod { Lexical, Semantic, Both }

public sealed record EvidenceSpan(int Start, int Length, string Text);

/// <summary>One skill found in a text, with everything that shows where and how.</summary>
public sealed record ExtractedSkill(
    long SkillId, string ExternalId, string Label, double Confidence, ExtractionMethod Method,
    IReadOnlyList<EvidenceSpan> Spans, RequirementCue Requirement, LevelCue Level, string Sentence);

/// <summary>Linking mode: per sentence, the best candidate skills with their fused scores.</summary>
public sealed record SentenceLinks(int Start, int Length, string Sentence, IReadOnlyList<SkillCandidate> Candidates);

public sealed record SkillCandidate(long SkillId, string ExternalId, string Label, double Score, ExtractionMethod Method);

public sealed record ExtractionResult(IReadOnlyList<ExtractedSkill> Skills, IReadOnlyList<SentenceLinks>? Links);

public sealed record ExtractionOptions
{
    /// <summary>Label matching only: no embeddings, hundreds of postings per second.</summary>
    public bool LexicalOnly { get; init; }

    /// <summary>Also return, per sentence, the top candidates (the linking mode).</summary>
    public int? LinkTopK { get; init; }

    /// <summary>Skills below this confidence are not reported.</summary>
    public double? Threshold { get; init; }
}
