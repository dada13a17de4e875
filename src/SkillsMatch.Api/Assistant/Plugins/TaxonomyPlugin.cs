using System.ComponentModel;
using Microsoft.SemanticKernel;
using SkillsMatch.Api.Occupations;
using SkillsMatch.Api.Taxonomy;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Api.Assistant.Plugins;

/// <summary>The skills taxonomy: search skills and occupations, read one in detail. Public data, any key.</summary>
public sealed class TaxonomyPlugin
{
    [KernelFunction("search_skills"), ToolAccess("GET /skills/")]
    [Description("Find taxonomy skills by name, alias or meaning (e.g. 'SQL', 'analyse data'). Returns ids to use with other tools.")]
    public async Task<IReadOnlyList<SkillHit>> SearchSkills(
        Kernel kernel,
        [Description("What to look for, 1 to 200 characters")] string query,
        [Description("At most this many skills, 1 to 50")] int limit = 10)
    {
        var context = ToolContext.Of(kernel);
        await context.EnterAsync();
        return ToolResults.Value<IReadOnlyList<SkillHit>>(await TaxonomyApi.SearchSkills(ToolResults.Valid(new SkillQuery(query, null, null, Math.Clamp(limit, 1, 50))),
            context.Services.GetRequiredService<SkillSearch>(), context.Services.GetRequiredService<TaxonomyStore>(), context.Aborted));
    }

    [KernelFunction("get_skill"), ToolAccess("GET /skills/{id:long}")]
    [Description("One skill in detail: description, broader, narrower and related skills, and the occupations that need it.")]
    public async Task<SkillDetail> GetSkill(Kernel kernel, [Description("The skill's id (from search_skills)")] long skillId)
    {
        var context = ToolContext.Of(kernel);
        await context.EnterAsync();
        return ToolResults.Value<SkillDetail>(await TaxonomyApi.GetSkill(skillId, context.Services.GetRequiredService<TaxonomyStore>(), context.Aborted));
    }

    [KernelFunction("search_occupations"), ToolAccess("GET /occupations/")]
    [Description("Find occupations by title or code (NOC, ISCO, O*NET-SOC), e.g. 'SOC analyst' or '21220'.")]
    public async Task<IReadOnlyList<OccupationHit>> SearchOccupations(
        Kernel kernel,
        [Description("Title or code, 1 to 200 characters")] string query,
        [Description("At most this many occupations, 1 to 50")] int limit = 10)
    {
        var context = ToolContext.Of(kernel);
        await context.EnterAsync();
        return ToolResults.Value<IReadOnlyList<OccupationHit>>(await OccupationsApi.SearchOccupations(
            ToolResults.Valid(new OccupationQuery(query, null, Math.Clamp(limit, 1, 50))), context.Services.GetRequiredService<TaxonomyStore>(), context.Aborted));
    }

    [KernelFunction("get_occupation"), ToolAccess("GET /occupations/{id:long}")]
    [Description("One occupation with its skill profile (essential and optional skills).")]
    public async Task<OccupationDetail> GetOccupation(Kernel kernel, [Description("The occupation's id (from search_occupations)")] long occupationId)
    {
        var context = ToolContext.Of(kernel);
        await context.EnterAsync();
        return ToolResults.Value<OccupationDetail>(await OccupationsApi.GetOccupation(occupationId, context.Services.GetRequiredService<TaxonomyStore>(), context.Aborted));
    }
}
