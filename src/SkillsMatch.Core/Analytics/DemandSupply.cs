namespace SkillsMatch.Analytics;

/// <summary>
/// Demand against supply in one region: the skills open postings there require most, and how many learners there who
/// consent to be seen by employers hold each, by their best evidence tier. Postings are counted as they are; every learner
/// figure goes through <see cref="LearnerCount"/>.
/// </summary>
public sealed record DemandSupply(string Region, int MinLearners, int OpenPostings, IReadOnlyList<DemandSupplyRow> Skills);

/// <param name="Postings">Open postings in the region requiring the skill.</param>
/// <param name="Holders">Consenting learners in the region holding it at any tier; suppressed also when giving it would
/// reveal a suppressed tier by subtraction.</param>
/// <param name="ByTier">credential-verified, attested, inferred, self-declared, in that order.</param>
public sealed record DemandSupplyRow(long SkillId, string Label, int Postings, LearnerCount Holders, IReadOnlyList<TierCount> ByTier);

/// <param name="Tier">credential-verified, attested, inferred or self-declared.</param>
public sealed record TierCount(string Tier, LearnerCount Learners);
