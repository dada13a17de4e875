namespace SkillsMatch.Matching.Evaluation;

/// <summary>One learner–posting pair of a judged set, with its grade (0–3) when read from a grades file.</summary>
public sealed record JudgedPair(string PairId, string LearnerId, string PostingId, int? Grade);
