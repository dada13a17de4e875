using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Api.Errors;
using SkillsMatch.Extraction;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Api.Extraction;

public static class ExtractionApi
{
    /// <summary>Longest text accepted: a long CV or posting is 20–40k characters.</summary>
    public const int MaxTextLength = 100_000;

    public static RouteGroupBuilder MapExtraction(this IEndpointRouteBuilder app)
    {
        // A group without a prefix: one route, and MapPost("") under "/extract" would publish it as "/extract/".
        var group = app.MapGroup("").WithTags("Extraction").RequireAuthorization().ProducesCommonProblems();
        group.MapPost("/extract", Extract).ProducesBodyProblems()
            .WithSummary("Find taxonomy skills in a text: confidence, evidence spans, method, requirement and level cues; optional per-sentence linking.");
        return group;
    }

    /// <summary>Empty or whitespace-only text is refused by validation ([Required]) before this runs.</summary>
    public static async Task<Results<Ok<ExtractionResult>, ProblemHttpResult>> Extract(
        ExtractRequest request, TaxonomyStore store, SkillExtractor extractor, CancellationToken ct)
    {
        var text = request.Text!;
        if (text.Length > MaxTextLength)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Text too long",
                detail: $"The text has {text.Length:N0} characters; the limit is {MaxTextLength:N0}.");
        if (text.Any(c => c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))))
            return TypedResults.Problem(statusCode: 400, title: "Binary content", detail: "The text contains control characters; send plain UTF-8 text.");
        var taxonomyId = await store.ResolveTaxonomyAsync(request.Taxonomy ?? "skillsmatch", ct);
        if (taxonomyId is null)
            return TypedResults.Problem(statusCode: 400, title: "Unknown taxonomy",
                detail: $"No taxonomy '{request.Taxonomy}' is loaded; GET /taxonomies lists them.");
        var options = new ExtractionOptions { LexicalOnly = request.LexicalOnly, LinkTopK = request.LinkTopK, Threshold = request.Threshold };
        return TypedResults.Ok(await extractor.ExtractAsync(text, taxonomyId.Value, options, ct));
    }
}

/// <param name="Text">The text: a posting, course or credential description, or a CV.</param>
/// <param name="Taxonomy">key, key@version or id; default the shipped SkillsMatch taxonomy.</param>
/// <param name="LinkTopK">When set, also return the top-k candidate skills of every sentence.</param>
public sealed record ExtractRequest(
    [property: Required] string? Text,
    [property: StringLength(100)] string? Taxonomy,
    bool LexicalOnly,
    [property: Range(1, 50)] int? LinkTopK,
    [property: Range(0.0, 1.0)] double? Threshold);
