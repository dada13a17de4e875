namespace SkillsMatch.Matching.Plans;

public enum PlanMethod
{
    /// <summary>Nothing to choose: no gap any admissible offering teaches.</summary>
    Trivial,
    /// <summary>OR-Tools CP-SAT, lexicographic objective solved in phases.</summary>
    CpSat,
    /// <summary>Greedy weighted set cover (best closed importance per hour or per dollar), an ln(n)-approximation.</summary>
    Greedy,
}
