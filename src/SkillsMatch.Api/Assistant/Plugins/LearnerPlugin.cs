using System.ComponentModel;
using Microsoft.SemanticKernel;
using SkillsMatch.Api.Learners;
using SkillsMatch.Api.Matching;
using SkillsMatch.Learners;
using SkillsMatch.Matching;
using SkillsMatch.Matching.Plans;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Api.Assistant.Plugins;

/// <summary>
/// A learner's skills, matches and gaps: for the learner themself, a practitioner they granted, or an admin — the
/// rules of the learner endpoints, applied to the learner asked about. A learner key never names another learner.
/// </summary>
public sealed class LearnerPlugin
{
    [KernelFunction("my_skills"), ToolAccess("GET /learners/{id:guid}/skills")]
    [Description("Every skill the learner holds, with its best evidence tier (credential-verified, attested, inferred, self-declared) and level.")]
    public async Task<IReadOnlyList<LearnerSkillEntry>> MySkills(
        Kernel kernel,
        [Description("The learner's id; leave out for a learner's own key")] Guid? learnerId = null)
    {
        var context = ToolContext.Of(kernel);
        var id = learnerId ?? context.OwnLearner;
        await context.EnterAsync(id);
        return ToolResults.Value<IReadOnlyList<LearnerSkillEntry>>(await LearnersApi.GetSkills(id!.Value,
            context.Services.GetRequiredService<LearnerStore>(), context.Services.GetRequiredService<LearnerSkillView>(), context.Aborted));
    }

    [KernelFunction("my_matches"), ToolAccess("GET /learners/{id:guid}/matches")]
    [Description("Open job postings ranked for the learner, each with a score from 0 to 100 and why: requirements matched, partly matched or missing. By default onsite and hybrid postings in the learner's region plus remote ones; 'filter' says which applied.")]
    public async Task<RoleMatches> MyMatches(
        Kernel kernel,
        [Description("The learner's id; leave out for a learner's own key")] Guid? learnerId = null,
        [Description("Only postings in this Canadian province or territory (e.g. 'ON', 'CA-QC', 'Ontario')")] string? region = null,
        [Description("Only this occupation (id or code)")] string? occupation = null,
        [Description("At most this many postings, 1 to 50")] int limit = 10)
    {
        var context = ToolContext.Of(kernel);
        var id = learnerId ?? context.OwnLearner;
        await context.EnterAsync(id);
        return ToolResults.Value<RoleMatches>(await MatchingApi.Matches(id!.Value, ToolResults.Valid(new RoleQuery(region, null, occupation, Math.Clamp(limit, 1, 50))),
            context.Services.GetRequiredService<RolesForLearner>(), context.Services.GetRequiredService<TaxonomyStore>(),
            context.Services.GetRequiredService<WorkingTaxonomy>(), context.Aborted));
    }

    [KernelFunction("my_gaps"), ToolAccess("GET /learners/{id:guid}/gaps")]
    [Description("The skills the learner lacks for an occupation or a posting, and the fastest and cheapest microcredential plans that close them. Give exactly one of occupation or jobId.")]
    public async Task<GapView> MyGaps(
        Kernel kernel,
        [Description("The learner's id; leave out for a learner's own key")] Guid? learnerId = null,
        [Description("Target occupation (id or code); leave out for the learner's own target occupation")] string? occupation = null,
        [Description("Target job posting id")] Guid? jobId = null)
    {
        var context = ToolContext.Of(kernel);
        var id = learnerId ?? context.OwnLearner;
        await context.EnterAsync(id);
        return ToolResults.Value<GapView>(await MatchingApi.Gaps(id!.Value, ToolResults.Valid(new GapQuery(occupation, jobId, null, null, null, null)),
            context.Services.GetRequiredService<GapsForLearner>(), context.Services.GetRequiredService<TaxonomyStore>(),
            context.Services.GetRequiredService<WorkingTaxonomy>(), context.Services.GetRequiredService<LearnerStore>(), context.Aborted));
    }
}
