namespace SkillsMatch.Taxonomy;

public sealed record ImportProgress(string Stage, long Done, long? Total);
