using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;
using SkillsMatch.Jobs;
using SkillsMatch.Taxonomy;
using SkillsMatch.Api.Errors;

namespace SkillsMatch.Api.Jobs;

/// <summary>Job postings: schema.org JobPosting in, stored with skills, occupations and a vector; employers edit the skills.</summary>
public static class JobsApi
{
    public static RouteGroupBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        app.MapOrganisationBrands();
        app.MapShortlists();
        var group = app.MapGroup("/jobs").WithTags("Jobs").ProducesCommonProblems();
        group.MapPost("/", PostJob).RequireRoles(Role.Admin, Role.Employer).ProducesBodyProblems().WithSummary("Store a schema.org JobPosting (JSON): extracts its skills, finds its top occupations, embeds it. Same identifier again: updated.");
        group.MapGet("/", ListJobs).ProducesValidationProblem().WithSummary("Postings filtered by status (open, closed, expired) and region (CA-ON, ON or Ontario); q is full-text search over title, description and employer (English and French stemming), best match first; without q, newest first.");
        group.MapGet("/{id:guid}", GetJob).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A posting with its skills (required/preferred, level, evidence) and occupations.");
        group.MapPut("/{id:guid}/skills", EditSkills).RequireOwnerOf(Role.Employer, "id", OwnerOfAsync, OtherEmployers)
            .ProducesBodyProblems().ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithSummary("Employer edit: add, change or remove skills. Kept over later re-extraction.");
        group.MapPost("/{id:guid}/close", CloseJob).RequireOwnerOf(Role.Employer, "id", OwnerOfAsync, OtherEmployers).WithSummary("Close a posting.");
        group.MapPost("/{id:guid}/reopen", ReopenJob).RequireOwnerOf(Role.Employer, "id", OwnerOfAsync, OtherEmployers).WithSummary("Open a closed posting again.");
        group.MapDelete("/{id:guid}", DeleteJob).RequireOwnerOf(Role.Employer, "id", OwnerOfAsync, OtherEmployers).WithSummary("Delete a posting with its skills and occupations.");
        return group;
    }

    public static async Task<Results<Created<JobPostingView>, Ok<JobPostingView>, ValidationProblem, ProblemHttpResult>> PostJob(
        JsonElement? body, ClaimsPrincipal user, JobPipeline pipeline, JobPostingWriter writer, JobPostingStore store, OrganisationBrands brands, CancellationToken ct)
    {
        // An empty body binds as null or as an undefined element (a plain JsonElement parameter made that a 500).
        if (body is not { ValueKind: not JsonValueKind.Undefined } posting)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = ["The body must be a schema.org JobPosting JSON object."] },
                title: "Invalid JobPosting");
        var parsed = JobPostingParser.Parse(posting, posting.GetRawText());
        if (parsed.Posting is not { } valid)
            return TypedResults.ValidationProblem(
                parsed.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "Invalid JobPosting", detail: string.Join("; ", parsed.Errors));
        var owner = Caller.From(user) is { Role: Role.Employer } employer ? employer.Subject ?? "" : null;
        // Issue 15: an employer key speaks for one organisation (its subject) and the brands an admin listed for it.
        if (owner is not null)
        {
            if (string.IsNullOrWhiteSpace(valid.Employer)) valid = valid with { Employer = owner };
            else if (!await brands.SpeaksForAsync(owner, valid.Employer, ct))
                return TypedResults.Problem(statusCode: 403, title: "Forbidden",
                    detail: "This employer key posts for its own organisation only; hiringOrganization must be its name or one of the brands an admin listed for it.");
        }
        if (await writer.SaveAsync(await pipeline.ProcessAsync([valid], ct), isDemo: false, owner, ct) is not [var stored])
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: $"A posting with identifier '{valid.ExternalId}' exists and is not yours. {OtherEmployers}");
        var view = (await store.GetAsync(stored.Id, ct))!;
        return stored.Created ? TypedResults.Created($"/jobs/{stored.Id}", view) : TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<JobPostingView>, ProblemHttpResult>> GetJob(Guid id, JobPostingStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : NotFound(id);

    public static async Task<Ok<JobPostingPage>> ListJobs([AsParameters] JobQuery query, JobPostingStore store, CancellationToken ct) =>
        // Regions as learners give them: ON, Ontario and CA-ON are one region.
        TypedResults.Ok(await store.ListAsync(query.Status, CanadianRegions.ToIso(query.Region) ?? query.Region?.ToUpperInvariant(), query.Q, query.Limit ?? 20, query.Offset ?? 0, ct));

    public static async Task<Results<Ok<JobPostingView>, ProblemHttpResult>> EditSkills(
        Guid id, SkillEditRequest request, JobPostingStore store, WorkingTaxonomy working, CancellationToken ct)
    {
        var edits = request.Skills!;
        var duplicates = edits.GroupBy(e => e.SkillId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
            return TypedResults.Problem(statusCode: 400, title: "Skill edited twice", detail: $"Skill(s) {string.Join(", ", duplicates)} appear more than once in one edit.");
        var unknown = await store.UnknownSkillsAsync(edits.Select(e => e.SkillId).ToList(), await working.GetIdAsync(ct), ct);
        if (unknown.Count > 0)
            return TypedResults.Problem(statusCode: 422, title: "Unknown skills",
                detail: $"Skill(s) {string.Join(", ", unknown)} are not in the working taxonomy '{working.Reference}'.");
        var applied = edits.Select(e => new SkillEdit(e.SkillId, e.Requirement, e.Level, e.Years, e.Remove)).ToList();
        if (!await store.EditSkillsAsync(id, applied, ct)) return NotFound(id);
        return TypedResults.Ok((await store.GetAsync(id, ct))!);
    }

    public static async Task<Results<Ok<JobPostingView>, ProblemHttpResult>> CloseJob(Guid id, JobPostingStore store, CancellationToken ct) =>
        await store.CloseAsync(id, ct) ? TypedResults.Ok((await store.GetAsync(id, ct))!) : NotFound(id);

    public static async Task<Results<Ok<JobPostingView>, ProblemHttpResult>> ReopenJob(Guid id, JobPostingStore store, CancellationToken ct) =>
        await store.ReopenAsync(id, ct) ? TypedResults.Ok((await store.GetAsync(id, ct))!) : NotFound(id);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteJob(Guid id, JobPostingStore store, CancellationToken ct) =>
        await store.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound(id);

    private const string OtherEmployers = "An employer key manages only the postings it created.";

    private static async Task<string?> OwnerOfAsync(IServiceProvider services, string id, CancellationToken ct) =>
        Guid.TryParse(id, out var postingId) ? await services.GetRequiredService<JobPostingStore>().OwnerAsync(postingId, ct) : null;

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: 404, title: "Posting not found", detail: $"There is no job posting with id {id}.");
}

public sealed record JobQuery(
    [property: AllowedValues(null, "open", "closed", "expired")] string? Status,
    [property: StringLength(10)] string? Region,
    [property: StringLength(200)] string? Q,
    [property: Range(1, 200)] int? Limit,
    [property: Range(0, 1_000_000)] int? Offset);

/// <param name="Skills">Each item adds or changes one skill (requirement, level, years), or removes it (remove: true).</param>
public sealed record SkillEditRequest([property: Required, MinLength(1), MaxLength(500)] IReadOnlyList<SkillEditItem>? Skills);

public sealed record SkillEditItem(
    [property: Range(1, long.MaxValue)] long SkillId,
    [property: AllowedValues(null, "required", "preferred", "none")] string? Requirement,
    [property: AllowedValues(null, "beginner", "intermediate", "advanced", "expert")] string? Level,
    [property: Range(0f, 60f)] float? Years,
    bool Remove);
