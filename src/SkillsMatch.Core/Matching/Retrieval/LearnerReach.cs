namespace SkillsMatch.Matching.Retrieval;

/// <summary>Where a learner will work and how they will learn, as their profile says: the defaults of their role and plan filters.</summary>
public sealed record LearnerReach(string? Region, bool WillingToRelocate, string[]? Languages, string[]? LearningFormats);
