namespace SkillsMatch.Extraction;

/// <summary>One label of a skill as the lexical matcher compiles it (skill_labels: preferred or alternative).</summary>
public sealed record LexiconEntry(long SkillId, string Label, bool IsPreferred);
