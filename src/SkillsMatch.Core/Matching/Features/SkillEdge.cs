namespace SkillsMatch.Matching.Features;

/// <summary>One link of the taxonomy graph as stored: for Broader, <paramref name="From"/>'s parent is <paramref name="To"/>.</summary>
public sealed record SkillEdge(long From, long To, SkillRelationKind Kind, double? Confidence = null);
