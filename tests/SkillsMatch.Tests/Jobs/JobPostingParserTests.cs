using SkillsMatch.Jobs;

namespace SkillsMatch.Tests.Jobs;

[Trait("Category", "Unit")]
public sealed class JobPostingParserTests
{
    private static JobPosting Valid(string json)
    {
        var parsed = JobPostingParser.Parse(json);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        return parsed.Posting!;
    }

    private static IReadOnlyList<FieldError> Invalid(string json)
    {
        var parsed = JobPostingParser.Parse(json);
        Assert.False(parsed.Succeeded);
        return parsed.Errors;
    }

    [Fact]
    public void Full_posting_is_normalised_from_objects()
    {
        var posting = Valid("""
            {"@context":"https://schema.org/","@type":"JobPosting",
             "identifier":{"@type":"PropertyValue","propertyID":"acme","value":"A-17"},
             "title":"Data Analyst","description":"<p>Analyse data.</p><ul><li>SQL</li><li>Power&nbsp;BI &amp; Excel</li></ul>",
             "hiringOrganization":{"@type":"Organization","name":"Acme Ltd"},
             "employmentType":["FULL_TIME","TEMPORARY"],
             "jobLocation":[{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Montréal","addressRegion":"Québec"}}],
             "datePosted":"2026-11-01T09:30:00-05:00","validThrough":"2026-12-31",
             "baseSalary":{"@type":"MonetaryAmount","currency":"cad","value":{"@type":"QuantitativeValue","minValue":"60,000","maxValue":75000,"unitText":"year"}},
             "skills":[{"@type":"DefinedTerm","name":"SQL"},"Power BI"],
             "qualifications":"Bachelor's degree",
             "experienceRequirements":{"@type":"OccupationalExperienceRequirements","monthsOfExperience":36},
             "educationRequirements":{"@type":"EducationalOccupationalCredential","credentialCategory":"bachelor degree"}}
            """);

        Assert.Equal("acme:A-17", posting.ExternalId);
        Assert.Equal("Analyse data.\n- SQL\n- Power BI & Excel", posting.Description);
        Assert.Equal("Acme Ltd", posting.Employer);
        Assert.Equal(["FULL_TIME", "TEMPORARY"], posting.EmploymentType);
        Assert.Equal("CA-QC", posting.Region);
        Assert.Equal("Montréal", posting.City);
        Assert.Equal(RemoteMode.Onsite, posting.Remote);
        Assert.Equal(new DateOnly(2026, 11, 1), posting.DatePosted);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero), posting.ValidThrough);
        Assert.Equal((60000m, 75000m, "CAD", "YEAR"), (posting.SalaryMin, posting.SalaryMax, posting.SalaryCurrency, posting.SalaryUnit));
        Assert.Equal("SQL\nPower BI", posting.Skills);
        Assert.Equal(36, posting.ExperienceMonths);
        Assert.Equal("36 months of experience", posting.Experience);
        Assert.Equal("bachelor degree", posting.Education);
    }

    [Fact]
    public void Plain_string_shapes_and_telecommute_are_read()
    {
        var posting = Valid("""
            {"@type":"JobPosting","identifier":42,"title":"Support Agent","description":"Answer tickets.","hiringOrganization":"Beta Inc",
             "employmentType":"part time","jobLocationType":"TELECOMMUTE","applicantLocationRequirements":{"@type":"State","name":"Nova Scotia"},
             "skills":"customer service","experienceRequirements":"2 years in a call centre",
             "baseSalary":{"@type":"MonetaryAmount","currency":"CAD","value":{"@type":"QuantitativeValue","value":21.5,"unitText":"HOUR"}}}
            """);

        Assert.Equal("42", posting.ExternalId);
        Assert.Equal("Beta Inc", posting.Employer);
        Assert.Equal(["PART_TIME"], posting.EmploymentType);
        Assert.Equal(RemoteMode.Remote, posting.Remote);
        Assert.Equal("CA-NS", posting.Region);
        Assert.Equal((21.5m, 21.5m), (posting.SalaryMin, posting.SalaryMax));
        Assert.Equal("2 years in a call centre", posting.Experience);
        Assert.Null(posting.ExperienceMonths);
    }

    [Theory]
    [InlineData("Ontario", "CA-ON")]
    [InlineData("ON", "CA-ON")]
    [InlineData("Ont.", "CA-ON")]
    [InlineData("british columbia", "CA-BC")]
    [InlineData("PEI", "CA-PE")]
    [InlineData("Newfoundland and Labrador", "CA-NL")]
    [InlineData("CA-YT", "CA-YT")]
    [InlineData("US-NY", "US-NY")]
    public void Province_names_and_abbreviations_become_iso_codes(string region, string iso) =>
        Assert.Equal(iso, CanadianRegions.ToIso(region));

    [Fact]
    public void Missing_title_and_description_are_both_reported()
    {
        var errors = Invalid("""{"@type":"JobPosting","identifier":"x"}""");

        Assert.Contains(errors, e => e is { Field: "title", Message: "is required" });
        Assert.Contains(errors, e => e is { Field: "description", Message: "is required" });
    }

    [Fact]
    public void Malformed_fields_are_each_named_with_what_was_expected()
    {
        var errors = Invalid("""
            {"@type":"JobPosting","title":"Cook","description":"<p> </p>","datePosted":"yesterday","validThrough":20261231,
             "baseSalary":{"currency":"dollars","value":{"minValue":30,"maxValue":20,"unitText":"FORTNIGHT"}},
             "skills":[12],"hiringOrganization":{"url":"https://example.org"},
             "jobLocation":{"address":{"addressRegion":"Atlantis"}},
             "experienceRequirements":{"monthsOfExperience":"lots"}}
            """);

        var fields = errors.Select(e => e.Field).ToHashSet();
        string[] expected = ["description", "datePosted", "validThrough", "baseSalary.currency", "baseSalary.value", "baseSalary.value.unitText",
            "skills[0]", "hiringOrganization", "jobLocation.address.addressRegion", "experienceRequirements.monthsOfExperience"];
        Assert.All(expected, field => Assert.Contains(field, fields));
        Assert.Contains(errors, e => e.Field == "description" && e.Message == "is empty");
        Assert.Contains(errors, e => e.Field == "baseSalary.value" && e.Message.Contains("above maxValue", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "jobLocation.address.addressRegion" && e.Message.Contains("'Atlantis'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json", "$")]
    [InlineData("[1,2]", "$")]
    [InlineData("""{"@type":"Person","title":"x","description":"y"}""", "@type")]
    [InlineData("""{"title":["a"],"description":"y"}""", "title")]
    public void Wrong_documents_are_rejected(string json, string field) =>
        Assert.Contains(Invalid(json), e => e.Field == field);

    [Fact]
    public void Posting_without_identifier_gets_a_stable_content_identifier()
    {
        const string json = """{"title":"Welder","description":"MIG welding.","hiringOrganization":"Forge Co"}""";

        var first = Valid(json).ExternalId;

        Assert.StartsWith("sha256:", first, StringComparison.Ordinal);
        Assert.Equal(first, Valid(json).ExternalId);
        Assert.NotEqual(first, Valid(json.Replace("MIG", "TIG", StringComparison.Ordinal)).ExternalId);
    }
}
