namespace SkillsMatch.Matching.Plans;

/// <summary>What a plan minimises first: hours (then cost), or cost (then hours).</summary>
public enum PlanGoal { Fastest, Cheapest }
