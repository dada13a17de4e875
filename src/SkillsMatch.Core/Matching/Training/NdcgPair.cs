namespace SkillsMatch.Matching.Training;

public sealed record NdcgPair(double At5, double At10);
