using System.ComponentModel;
using Microsoft.SemanticKernel;
using SkillsMatch.Api.Extraction;
using SkillsMatch.Api.Occupations;
using SkillsMatch.Extraction;
using SkillsMatch.Occupations;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Api.Assistant.Plugins;

/// <summary>Skills in a text, and the occupation a job title names. Any key.</summary>
public sealed class ExtractionPlugin
{
    [KernelFunction("extract_skills"), ToolAccess("POST /extract")]
    [Description("The taxonomy skills a text mentions (a posting, a course or a CV), each with confidence, the words that show it and any requirement or level cue.")]
    public async Task<IReadOnlyList<FoundSkill>> ExtractSkills(Kernel kernel, [Description("The text, up to 100,000 characters")] string text)
    {
        var context = ToolContext.Of(kernel);
        await context.EnterAsync();
        var result = ToolResults.Value<ExtractionResult>(await ExtractionApi.Extract(ToolResults.Valid(new ExtractRequest(text, null, false, null, null)),
            context.Services.GetRequiredService<TaxonomyStore>(), context.Services.GetRequiredService<SkillExtractor>(), context.Aborted));
        return [.. result.Skills.Select(s => new FoundSkill(s.SkillId, s.Label, Math.Round(s.Confidence, 3), s.Method.ToString().ToLowerInvariant(),
            [.. s.Spans.Select(span => span.Text)], s.Requirement, s.Level))];
    }

    [KernelFunction("classify_job_title"), ToolAccess("POST /occupations/classify")]
    [Description("The occupations a job title most likely names (e.g. 'Sr. Data Analyst – Power BI'), best first, with scores.")]
    public async Task<IReadOnlyList<OccupationMatch>> ClassifyJobTitle(
        Kernel kernel,
        [Description("The job title as posted")] string title,
        [Description("Optional posting text, for more evidence")] string? text = null)
    {
        var context = ToolContext.Of(kernel);
        await context.EnterAsync();
        return ToolResults.Value<IReadOnlyList<OccupationMatch>>(await OccupationsApi.Classify(ToolResults.Valid(new ClassifyRequest(title, text, null, 5)),
            context.Services.GetRequiredService<OccupationClassifier>(), context.Services.GetRequiredService<TaxonomyStore>(),
            context.Services.GetRequiredService<WorkingTaxonomy>(), context.Aborted));
    }
}

/// <param name="Words">The words in the text that show the skill.</param>
public sealed record FoundSkill(long SkillId, string Label, double Confidence, string Method, IReadOnlyList<string> Words, RequirementCue Requirement, LevelCue Level);
