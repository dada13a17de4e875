using SkillsMatch.Matching.Explanation;

namespace SkillsMatch.Matching.Plans;

/// <param name="OpenPostings">How many open postings ask for this skill.</param>
public sealed record GapItem(RequirementExplanation Requirement, int OpenPostings);
