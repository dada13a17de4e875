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
    public string ExtractionText() => string.Join(PartSeparator, ExtractionParts().Select(p => p.Text));

    /// <summary>Where the skills field's items sit in <see cref="ExtractionText"/> ([start, end)); null without one.</summary>
    public (int Start, int End)? SkillsFieldRange()
    {
        var offset = 0;
        foreach (var (field, text) in ExtractionParts())
        {
            if (field == nameof(Skills)) return (offset + SkillsHeading.Length, offset + text.Length);
            offset += text.Length + PartSeparator.Length;
        }
        return null;
    }

    private const string PartSeparator = "\n\n";
    private const string SkillsHeading = "Skills:\n";

    private IEnumerable<(string Field, string Text)> ExtractionParts() => new (string Field, string? Text)[]
    {
        (nameof(Title), Title), (nameof(Description), Description),
        (nameof(Skills), Skills is null ? null : SkillsHeading + Skills),
        (nameof(Qualifications), Qualifications is null ? null : "Qualifications:\n" + Qualifications),
        (nameof(Experience), Experience is null ? null : "Experience:\n" + Experience),
        (nameof(Education), Education is null ? null : "Education:\n" + Education),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Text)).Select(p => (p.Field, p.Text!));
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
