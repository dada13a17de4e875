namespace SkillsMatch.Jobs;

/// <summary>A stored posting as the API shows it. Status is open, closed or expired (open with validThrough passed).</summary>
public sealed record JobPostingView(
    Guid Id, string ExternalId, string Title, string Description, string? Employer, IReadOnlyList<string> EmploymentType,
    string? Region, string? City, string Remote, DateTime? DatePosted, DateTime? ValidThrough,
    decimal? SalaryMin, decimal? SalaryMax, string? SalaryCurrency, string? SalaryUnit,
    string? Qualifications, string? Experience, int? ExperienceMonths, string? Education, string Status, bool IsDemo,
    bool HasEmbedding, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<PostingSkill> Skills, IReadOnlyList<PostingOccupation> Occupations);

/// <summary>
/// A skill of a posting. Span offsets are in the text the skills were extracted from (title, description, then the
/// skills and requirement fields, see <see cref="JobPosting.ExtractionText"/>); Evidence is the sentence.
/// </summary>
public sealed record PostingSkill(
    long SkillId, string ExternalId, string Label, string Requirement, string? Level, float? Years, float Confidence,
    string Source, int? SpanStart, int? SpanEnd, string? Evidence, bool RemovedByEmployer);

public sealed record PostingOccupation(long OccupationId, string ExternalId, string Title, int Rank, float Score);

/// <summary>One row of a listing: the posting without its text, skills or occupations.</summary>
public sealed record JobPostingSummary(
    Guid Id, string ExternalId, string Title, string? Employer, string? Region, string? City, string Remote,
    DateTime? DatePosted, DateTime? ValidThrough, string Status, int SkillCount);

public sealed record JobPostingPage(IReadOnlyList<JobPostingSummary> Items, long Total, int Limit, int Offset);

/// <summary>An employer's change to one skill: add or change it (requirement, level, years), or remove it.</summary>
public sealed record SkillEdit(long SkillId, string? Requirement, string? Level, float? Years, bool Remove);
