using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;
using SkillsMatch.Api.Errors;
using SkillsMatch.Learners;
using SkillsMatch.Matching;
using SkillsMatch.Matching.Placements;
using SkillsMatch.Matching.Plans;
using SkillsMatch.Matching.Retrieval;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Api.Matching;

/// <summary>The matching views: roles for a learner, candidates for a posting or a skill search, cohort placements, gaps with plans.</summary>
public static class MatchingApi
{
    /// <summary>Most matches a view returns (the service's own cap).</summary>
    public const int MaxLimit = TopMatches.MaxLimit;

    internal const string TierMessage = "minTier is credential-verified, attested, inferred or self-declared (or 4 to 1).";
    internal const string SkillsMessage = "Give 1 to 50 skills (ids, working-taxonomy codes or preferred labels).";

    public static RouteGroupBuilder MapMatching(this IEndpointRouteBuilder app)
    {
        // The views hang off the resources they rank for, so the group has no prefix of its own.
        var group = app.MapGroup("").WithTags("Matching").ProducesCommonProblems();
        group.MapGet("/learners/{id:guid}/matches", Matches).AuditLearner("id", "learner.view").RequireLearnerAccess("id")
            .ProducesValidationProblem()
            .WithSummary("Open postings ranked for a learner, each with its score explained (filters: region, remote, occupation).");
        group.MapGet("/learners/{id:guid}/gaps", Gaps).AuditLearner("id", "learner.view").RequireLearnerAccess("id")
            .ProducesValidationProblem()
            .WithSummary("The learner's missing skills for an occupation or a posting (default: their first target occupation), and the fastest and cheapest microcredential plans that close them.");
        group.MapGet("/jobs/{id:guid}/candidates", JobCandidates).RequireRoles(Role.Admin, Role.Employer)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Consenting learners ranked for a posting, with explanations; only the parts each learner chose to share.");
        group.MapPost("/candidates/search", SearchCandidates).RequireRoles(Role.Admin, Role.Employer).ProducesBodyProblems()
            .WithSummary("Consenting learners holding the given skills at a minimum evidence tier, ranked and explained.");
        group.MapPost("/placements", Placements).RequireRoles(Role.Admin, Role.Practitioner).ProducesBodyProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A cohort and openings with capacities: ranked options per learner and the assignment with the most total fit.");
        return group;
    }

    public static async Task<Results<Ok<RoleMatches>, ValidationProblem, ProblemHttpResult>> Matches(
        Guid id, [AsParameters] RoleQuery query, RolesForLearner matching, TaxonomyStore taxonomies, WorkingTaxonomy working, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        var occupationId = query.Occupation is null ? null : await taxonomies.ResolveOccupationAsync(await working.GetIdAsync(ct), query.Occupation, ct);
        if (query.Occupation is not null && occupationId is null) problems["occupation"] = [$"No occupation '{query.Occupation}' in the working taxonomy."];
        var region = CheckRegion(query.Region, problems);
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        var request = new RoleRequest(region, query.Remote, occupationId, query.Relocate);
        return await matching.FindForLearnerAsync(id, request, query.Limit ?? 20, ct) is { } matches
            ? TypedResults.Ok(matches) : NotFound("learner", id);
    }

    public static async Task<Results<Ok<IReadOnlyList<CandidateMatch>>, ValidationProblem, ProblemHttpResult>> JobCandidates(
        Guid id, [AsParameters] CandidateQuery query, HttpContext http, CandidatesForRole matching, AuditWriter audit, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        var region = CheckRegion(query.Region, problems);
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        var filter = new CandidateFilter(region, MinTier: ParseTier(query.MinTier), RequireAll: false, IncludeWeak: query.IncludeWeak ?? false);
        if (await matching.ForPostingAsync(id, filter, query.Limit ?? 20, ct) is not { } candidates) return NotFound("job posting", id);
        await AuditCandidatesAsync(http, audit, candidates);
        return TypedResults.Ok(candidates);
    }

    public static async Task<Results<Ok<IReadOnlyList<CandidateMatch>>, ValidationProblem>> SearchCandidates(
        CandidateSearchRequest request, HttpContext http, CandidatesForRole matching, TaxonomyStore taxonomies, WorkingTaxonomy working, AuditWriter audit,
        CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        var skills = request.Skills!;
        var resolved = await taxonomies.ResolveSkillsAsync(await working.GetIdAsync(ct), skills, ct);
        var unknown = skills.Where(s => !resolved.ContainsKey(s)).ToList();
        if (unknown.Count > 0) problems["skills"] = [$"Unknown skills: {string.Join(", ", unknown)}"];
        var region = CheckRegion(request.Region, problems);
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        var ids = resolved.Values.Distinct().ToList();
        var filter = new CandidateFilter(region, request.IncludeRemote ?? true, ParseTier(request.MinTier), ids, request.RequireAll ?? true);
        var candidates = await matching.ForSkillsAsync(ids, filter, request.Limit ?? 20, ct);
        await AuditCandidatesAsync(http, audit, candidates);
        return TypedResults.Ok(candidates);
    }

    public static async Task<Results<Ok<PlacementResult>, ValidationProblem, ProblemHttpResult>> Placements(
        PlacementRequest request, ClaimsPrincipal user, PlacementsForCohort matching, CaseloadStore caseload, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        var learners = request.Learners!;
        var openings = request.Openings!;
        if (learners.Distinct().Count() != learners.Count) problems["learners"] = ["A learner is listed twice."];
        if (openings.Select(o => o.Job).Distinct().Count() != openings.Count) problems["openings"] = ["A job is listed twice; give it a larger capacity instead."];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        if (Caller.From(user) is { } caller && await AccessEndpoints.CaseloadRefusalAsync(caller, learners, caseload, ct) is { } refusal)
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: refusal);
        var view = await matching.PlaceAsync(learners, [.. openings.Select(o => new Opening(o.Job, o.Capacity))], request.MinFit ?? 0, request.OptionsPerLearner ?? 5, ct);
        if (view.Result is null)
            return TypedResults.Problem(statusCode: 404, title: "Unknown learners or postings", detail: "Not found: " + string.Join(", ", view.Unknown));
        return TypedResults.Ok(view.Result);
    }

    public static async Task<Results<Ok<GapView>, ValidationProblem, ProblemHttpResult>> Gaps(
        Guid id, [AsParameters] GapQuery query, GapsForLearner matching, TaxonomyStore taxonomies, WorkingTaxonomy working, LearnerStore learners,
        CancellationToken ct)
    {
        var (occupation, job) = (query.Occupation, query.Job);
        var problems = new Dictionary<string, string[]>();
        // No target given: the learner's own first target occupation.
        if (occupation is null && job is null)
        {
            if (await learners.GetAsync(id, ct) is not { } learner) return NotFound("learner", id);
            if (learner.TargetOccupations is [var first, ..]) occupation = first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            else problems["occupation"] = ["The learner has no target occupations: give ?occupation= (id or code) or ?job= (posting id)."];
        }
        else if (occupation is not null && job is not null) problems["occupation"] = ["Give one target: ?occupation= (id or code) or ?job= (posting id), not both."];
        var occupationId = occupation is null ? null : await taxonomies.ResolveOccupationAsync(await working.GetIdAsync(ct), occupation, ct);
        if (occupation is not null && occupationId is null) problems["occupation"] = [$"No occupation '{occupation}' in the working taxonomy."];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        var options = new GapPlanOptions
        {
            Formats = query.Format is null ? null : new HashSet<string> { query.Format },
            Languages = query.Language is null ? null : new HashSet<string> { query.Language },
            MaxTotalCost = query.MaxCost,
            MaxTotalHours = query.MaxHours,
        };
        var view = await matching.FindAsync(id, new GapTarget(occupationId, job), options, ct);
        if (view is null) return NotFound("learner", id);
        return view.TargetFound ? TypedResults.Ok(view) : NotFound("job posting", job!.Value);
    }

    /// <summary>An employer's look at a candidate is a view of that learner: each one shown is audited.</summary>
    private static async Task AuditCandidatesAsync(HttpContext http, AuditWriter audit, IReadOnlyList<CandidateMatch> candidates)
    {
        if (Caller.From(http.User) is not { } caller) return;
        foreach (var candidate in candidates)
            await audit.RecordAsync(new AuditEntry(DateTime.UtcNow, caller.KeyId, caller.Role.Name(), "candidate.view", candidate.LearnerId, http.Request.Path, 200),
                CancellationToken.None);
    }

    /// <summary>A tier name or number the request record's AllowedValues already checked.</summary>
    private static EvidenceTier? ParseTier(string? tier) => tier switch
    {
        "credential-verified" or "4" => EvidenceTier.CredentialVerified,
        "attested" or "3" => EvidenceTier.Attested,
        "inferred" or "2" => EvidenceTier.Inferred,
        "self-declared" or "1" => EvidenceTier.SelfDeclared,
        _ => null,
    };

    /// <summary>The region as its ISO 3166-2 code ('Ontario', 'ON' → 'CA-ON'), or null with a problem noted.</summary>
    private static string? CheckRegion(string? region, Dictionary<string, string[]> problems)
    {
        if (region is null) return null;
        if (CanadianRegions.Normalize(region) is { } iso) return iso;
        problems["region"] = [$"'{region}' is not a Canadian province or territory; send an ISO 3166-2 code such as CA-ON, 'ON' or 'Ontario'."];
        return null;
    }

    private static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(statusCode: 404, title: $"Unknown {what}", detail: $"No {what} has id {id}.");
}

/// <summary>Filters of a learner's role matches; the answer's <c>filter</c> says which applied.</summary>
/// <param name="Region">ISO 3166-2 code (CA-ON), 'ON' or 'Ontario'. Absent: the learner's own region, unless they will relocate.</param>
/// <param name="Remote">true: remote postings only; false: none; absent: remote postings anywhere besides the region's onsite and hybrid ones.</param>
/// <param name="Occupation">Occupation id or code in the working taxonomy.</param>
/// <param name="Relocate">Overrides the profile's willingToRelocate for this request (true: onsite and hybrid postings anywhere).</param>
public sealed record RoleQuery(
    [property: StringLength(100)] string? Region,
    bool? Remote,
    [property: StringLength(200)] string? Occupation,
    [property: Range(1, MatchingApi.MaxLimit, ErrorMessage = "limit is {1} to {2}.")] int? Limit,
    bool? Relocate = null);

/// <summary>Filters of a posting's candidates.</summary>
/// <param name="MinTier">credential-verified, attested, inferred or self-declared (or 4 to 1): the weakest evidence accepted.</param>
/// <param name="IncludeWeak">Also learners holding none of the posting's essential skills (default false).</param>
public sealed record CandidateQuery(
    [property: StringLength(100)] string? Region,
    [property: AllowedValues(null, "credential-verified", "attested", "inferred", "self-declared", "4", "3", "2", "1", ErrorMessage = MatchingApi.TierMessage)] string? MinTier,
    [property: Range(1, MatchingApi.MaxLimit, ErrorMessage = "limit is {1} to {2}.")] int? Limit,
    bool? IncludeWeak);

/// <summary>The target of a gap view (exactly one of occupation and job) and what the plans may use.</summary>
/// <param name="Occupation">Occupation id or code in the working taxonomy.</param>
/// <param name="Job">A posting id.</param>
public sealed record GapQuery(
    [property: StringLength(200)] string? Occupation,
    Guid? Job,
    [property: AllowedValues(null, "online", "in-person", "hybrid", ErrorMessage = "format is online, in-person or hybrid.")] string? Format,
    [property: AllowedValues(null, "en", "fr", ErrorMessage = "language is en or fr.")] string? Language,
    [property: Range(0.0, double.MaxValue, ErrorMessage = "maxCost cannot be negative.")] decimal? MaxCost,
    [property: Range(0.0, double.MaxValue, ErrorMessage = "maxHours cannot be negative.")] double? MaxHours);

/// <param name="Skills">Skill ids, working-taxonomy codes (e.g. "sql") or preferred labels.</param>
/// <param name="MinTier">credential-verified, attested, inferred or self-declared: the weakest evidence accepted for the skills.</param>
/// <param name="RequireAll">Candidates must hold every skill (default) or at least one.</param>
public sealed record CandidateSearchRequest(
    [property: Required(ErrorMessage = MatchingApi.SkillsMessage), MinLength(1, ErrorMessage = MatchingApi.SkillsMessage),
               MaxLength(50, ErrorMessage = MatchingApi.SkillsMessage)] IReadOnlyList<string>? Skills,
    [property: AllowedValues(null, "credential-verified", "attested", "inferred", "self-declared", "4", "3", "2", "1", ErrorMessage = MatchingApi.TierMessage)] string? MinTier,
    [property: StringLength(100)] string? Region,
    bool? IncludeRemote,
    bool? RequireAll,
    [property: Range(1, MatchingApi.MaxLimit, ErrorMessage = "limit is {1} to {2}.")] int? Limit);

/// <param name="MinFit">Options below this score (0 to 100) are left out.</param>
public sealed record PlacementRequest(
    [property: Required, MinLength(1, ErrorMessage = "Give 1 to 500 learner ids."), MaxLength(500, ErrorMessage = "Give 1 to 500 learner ids.")] IReadOnlyList<Guid>? Learners,
    [property: Required, MinLength(1, ErrorMessage = "Give 1 to 200 openings."), MaxLength(200, ErrorMessage = "Give 1 to 200 openings.")] IReadOnlyList<PlacementOpening>? Openings,
    [property: Range(0.0, 100.0, ErrorMessage = "minFit is a score from 0 to 100.")] double? MinFit,
    int? OptionsPerLearner);

public sealed record PlacementOpening(Guid Job, [property: Range(1, int.MaxValue, ErrorMessage = "Every opening needs a capacity of at least 1.")] int Capacity);
