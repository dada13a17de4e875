namespace SkillsMatch.Extraction;

/// <summary>
/// The part of a posting (or CV) a sentence sits in, from the last heading above it (or an inline "Benefits: …"
/// lead-in). Only some parts can ask for skills: benefits, the company blurb, equal-opportunity and legal
/// eligibility text, and how to apply describe the employer, the offer or the process, never the work.
/// </summary>
public enum PostingSection
{
    /// <summary>No heading seen yet, or one that names no known part.</summary>
    None,
    Requirements,
    Preferred,
    Responsibilities,
    Benefits,
    Company,
    /// <summary>Equal opportunity, accommodation, work authorisation, background checks.</summary>
    Legal,
    Apply,
    /// <summary>Salary, location, schedule and similar facts about the job.</summary>
    JobFacts,
}

public static class PostingSections
{
    /// <summary>Whether skills named in this part count: not in benefits, company, legal or application text.</summary>
    public static bool CanNameSkills(this PostingSection section) =>
        section is not (PostingSection.Benefits or PostingSection.Company or PostingSection.Legal or PostingSection.Apply or PostingSection.JobFacts);
}
