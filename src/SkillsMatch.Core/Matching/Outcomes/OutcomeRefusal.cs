namespace SkillsMatch.Matching.Outcomes;

/// <summary>Why an outcome was not recorded or listed.</summary>
public enum OutcomeRefusal
{
    None,
    /// <summary>No such posting.</summary>
    UnknownPosting,
    /// <summary>No such learner, or (for an employer) no learner who shares their skills with employers.</summary>
    UnknownLearner,
    /// <summary>An employer's outcome for a posting another organisation owns.</summary>
    NotYourPosting,
    /// <summary>A practitioner's outcome for a learner not on their caseload.</summary>
    NotOnCaseload,
}
