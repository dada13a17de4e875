using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;
using SkillsMatch.Learners;
using SkillsMatch.Api.Errors;

namespace SkillsMatch.Api.Learners;

/// <summary>Learner profiles, their experiences and self-declared skills, and the merged skill view.</summary>
public static class LearnersApi
{
    public static RouteGroupBuilder MapLearners(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/learners").WithTags("Learners").ProducesCommonProblems();
        group.MapPost("/", CreateLearner).RequireRoles(Role.Admin, Role.Practitioner).ProducesBodyProblems().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create a learner profile: identity, region, remote preference, target occupations, consent.");
        group.MapGet("/", ListLearners).RequireRoles(Role.Admin).ProducesValidationProblem().WithSummary("Learner profiles, oldest first, a page at a time.");
        group.MapGet("/{id:guid}", GetLearner).AuditLearner("id", "learner.view").RequireLearnerAccess("id").WithSummary("A learner profile with its experiences and the skills inferred from each.");
        group.MapPut("/{id:guid}", UpdateLearner).AuditLearner("id", "learner.update").RequireLearnerAccess("id")
            .ProducesBodyProblems().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Replace a learner's profile and consent; takes effect at once.");
        group.MapPatch("/{id:guid}/consent", UpdateConsent).AuditLearner("id", "learner.consent").RequireLearnerAccess("id").ProducesBodyProblems()
            .WithSummary("Change only the consent (visible to employers, shared parts); the rest of the profile is untouched. Omitted fields keep their value.");
        group.MapPost("/{id:guid}/experiences", AddExperience).AuditLearner("id", "learner.update").RequireLearnerAccess("id").ProducesBodyProblems()
            .WithSummary("Add an experience or education entry; its skills are inferred from title and description.");
        group.MapPut("/{id:guid}/experiences/{experienceId:guid}", UpdateExperience).AuditLearner("id", "learner.update").RequireLearnerAccess("id")
            .ProducesBodyProblems().WithSummary("Replace an experience or education entry and re-infer its skills.");
        group.MapDelete("/{id:guid}/experiences/{experienceId:guid}", DeleteExperience).AuditLearner("id", "learner.update").RequireLearnerAccess("id").WithSummary("Delete an experience or education entry and the skills inferred from it.");
        group.MapPut("/{id:guid}/skills/self", ReplaceSelfDeclared).AuditLearner("id", "learner.update").RequireLearnerAccess("id")
            .ProducesBodyProblems().WithSummary("Replace the learner's self-declared skills (tier 1) with this list.");
        group.MapGet("/{id:guid}/skills", GetSkills).AuditLearner("id", "learner.view").RequireLearnerAccess("id").WithSummary("Every skill the learner holds, merged across evidence: best tier, all evidence, level, last evidenced.");
        return group;
    }

    public static async Task<Results<Created<LearnerProfile>, ValidationProblem, ProblemHttpResult>> CreateLearner(
        LearnerInput input, ClaimsPrincipal user, LearnerChecks checks, LearnerStore store, CaseloadStore caseload, CancellationToken ct)
    {
        var (learner, errors) = await checks.CheckProfileAsync(input, ct);
        if (learner is null) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await store.CreateAsync(learner, ct) is not { } id) return ExternalRefTaken(learner.ExternalRef);
        // A practitioner enrolling a job seeker starts with them on their caseload; the learner can withdraw it.
        if (Caller.From(user) is { Role: Role.Practitioner, Subject: { } practitioner }) await caseload.GrantAsync(id, practitioner, ct);
        return TypedResults.Created($"/learners/{id}", await store.GetAsync(id, ct));
    }

    public static async Task<Ok<Page<LearnerProfile>>> ListLearners([AsParameters] LearnerListQuery query, LearnerStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(query.Limit ?? 50, query.Offset ?? 0, ct));

    public static async Task<Results<Ok<LearnerProfile>, ProblemHttpResult>> GetLearner(Guid id, LearnerStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } profile ? TypedResults.Ok(profile) : LearnerNotFound(id);

    public static async Task<Results<Ok<LearnerProfile>, ValidationProblem, ProblemHttpResult>> UpdateLearner(
        Guid id, LearnerInput input, ClaimsPrincipal user, LearnerChecks checks, LearnerStore store, CancellationToken ct)
    {
        var (learner, errors) = await checks.CheckProfileAsync(input, ct);
        if (learner is null) return TypedResults.ValidationProblem(errors.ToDictionary());
        var staff = Caller.From(user)?.Role is Role.Admin or Role.Practitioner;
        return await store.UpdateAsync(id, learner, ct, staffAttested: staff) switch
        {
            UpdateOutcome.NotFound => LearnerNotFound(id),
            UpdateOutcome.Conflict => ExternalRefTaken(learner.ExternalRef),
            _ => TypedResults.Ok((await store.GetAsync(id, ct))!),
        };
    }

    public static async Task<Results<Ok<LearnerConsent>, ValidationProblem, ProblemHttpResult>> UpdateConsent(
        Guid id, ConsentPatch input, LearnerStore store, CancellationToken ct)
    {
        var errors = new InputErrors();
        var parts = input.Parts is null ? null : LearnerChecks.CheckConsentParts(input.Parts, errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await store.GetAsync(id, ct) is not { } current) return LearnerNotFound(id);
        var consent = new LearnerConsent(input.VisibleToEmployers ?? current.Consent.VisibleToEmployers, parts ?? current.Consent.Parts);
        return await store.UpdateConsentAsync(id, consent.VisibleToEmployers, consent.Parts, ct) ? TypedResults.Ok(consent) : LearnerNotFound(id);
    }

    public static async Task<Results<Created<LearnerExperience>, ValidationProblem, ProblemHttpResult>> AddExperience(
        Guid id, ExperienceInput input, LearnerStore store, CancellationToken ct)
    {
        var errors = LearnerChecks.CheckExperience(input);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        return await store.AddExperienceAsync(id, input, ct) is { } experience
            ? TypedResults.Created($"/learners/{id}/experiences/{experience.Id}", experience)
            : LearnerNotFound(id);
    }

    public static async Task<Results<Ok<LearnerExperience>, ValidationProblem, ProblemHttpResult>> UpdateExperience(
        Guid id, Guid experienceId, ExperienceInput input, LearnerStore store, CancellationToken ct)
    {
        var errors = LearnerChecks.CheckExperience(input);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        return await store.UpdateExperienceAsync(id, experienceId, input, ct) is { } experience
            ? TypedResults.Ok(experience)
            : ExperienceNotFound(id, experienceId);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteExperience(Guid id, Guid experienceId, LearnerStore store, CancellationToken ct) =>
        await store.DeleteExperienceAsync(id, experienceId, ct) ? TypedResults.NoContent() : ExperienceNotFound(id, experienceId);

    public static async Task<Results<Ok<IReadOnlyList<LearnerSkillEntry>>, ValidationProblem, ProblemHttpResult>> ReplaceSelfDeclared(
        Guid id, SelfDeclaredSkills input, LearnerChecks checks, LearnerStore store, LearnerSkillView view, CancellationToken ct)
    {
        var errors = await checks.CheckSelfDeclaredAsync(input.Skills!, ct);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (!await store.ReplaceSelfDeclaredAsync(id, input.Skills!, ct)) return LearnerNotFound(id);
        return TypedResults.Ok(await view.LoadAsync(id, ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<LearnerSkillEntry>>, ProblemHttpResult>> GetSkills(
        Guid id, LearnerStore store, LearnerSkillView view, CancellationToken ct)
    {
        var skills = await view.LoadAsync(id, ct);
        if (skills.Count == 0 && !await store.ExistsAsync(id, ct)) return LearnerNotFound(id);
        return TypedResults.Ok(skills);
    }

    private static ProblemHttpResult LearnerNotFound(Guid id) =>
        TypedResults.Problem(statusCode: 404, title: "Learner not found", detail: $"There is no learner with id {id}.");

    private static ProblemHttpResult ExperienceNotFound(Guid id, Guid experienceId) =>
        TypedResults.Problem(statusCode: 404, title: "Experience not found", detail: $"Learner {id} has no experience {experienceId} (or there is no such learner).");

    private static ProblemHttpResult ExternalRefTaken(string? externalRef) =>
        TypedResults.Problem(statusCode: 409, title: "External reference taken", detail: $"Another learner already has externalRef '{externalRef}'.");
}

/// <summary>A consent change: either field may be left out to keep it.</summary>
/// <param name="Parts">Any of skills, credentials, experience, education, contact (the full new list).</param>
public sealed record ConsentPatch(bool? VisibleToEmployers, [property: MaxLength(10)] IReadOnlyList<string>? Parts);

public sealed record LearnerListQuery([property: Range(1, 200)] int? Limit, [property: Range(0, int.MaxValue)] int? Offset);
