namespace SkillsMatch.Matching.Retrieval;

/// <summary>An experience or education entry a learner shares with employers: its title, organisation or institution, and span.</summary>
public sealed record SharedHistoryEntry(string Kind, string Title, string? Organisation, DateOnly? StartDate, DateOnly? EndDate);
