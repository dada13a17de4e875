namespace SkillsMatch.Jobs;

/// <summary>A job posting as read from schema.org JobPosting JSON, normalised (plain text, ISO region, remote mode).</summary>
public sealed record JobPosting
{
    public required string ExternalId { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public string? Employer { get; init; }
    public IReadOnlyList<string> EmploymentType { get; init; } = [];
    public string? Region { get; init; }
    public string? City { get; init; }
    public string Remote { get; init; } = RemoteMode.Onsite;
    public DateOnly? DatePosted { get; init; }
    public DateTimeOffset? ValidThrough { get; init; }
    public decimal? SalaryMin { get; init; }
    public decimal? SalaryMax { get; init; }
    public string? SalaryCurrency { get; init; }
    public string? SalaryUnit { get; init; }
    /// <summary>The posting's own skills field, as text (one skill per line).</summary>
    public string? Skills { get; init; }
    public string? Qualifications { get; init; }
    public string? Experience { get; init; }
    public int? ExperienceMonths { get; init; }
    public string? Education { get; init; }
    public bool IsDemo { get; init; }
    /// <summary>The JSON the posting came from, kept verbatim.</summary>
    public required string SourceJson { get; init; }

    /// <summary>The text skills are extracted from: title, description, the skills field and the requirements.</summary>
    public string ExtractionText() => string.Join("\n\n", new[]
    {
        Title, Description,
        Skills is null ? null : "Skills:\n" + Skills,
        Qualifications is null ? null : "Qualifications:\n" + Qualifications,
        Experience is null ? null : "Experience:\n" + Experience,
        Education is null ? null : "Education:\n" + Education,
    }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

public static class RemoteMode
{
    public const string Onsite = "onsite";
    public const string Hybrid = "hybrid";
    public const string Remote = "remote";
}

/// <summary>One problem with one field of a posting: which field (JSON path) and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>A posting, or the reasons it could not be read.</summary>
public sealed record JobPostingParse(JobPosting? Posting, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Posting is not null;
}
