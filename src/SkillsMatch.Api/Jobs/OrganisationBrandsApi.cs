using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;
using SkillsMatch.Api.Errors;
using SkillsMatch.Jobs;

namespace SkillsMatch.Api.Jobs;

/// <summary>Admin: the brands an organisation (an employer key's subject) may also post under as hiringOrganization.</summary>
public static class OrganisationBrandsApi
{
    public static RouteGroupBuilder MapOrganisationBrands(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/organisations/{organisation}/brands").WithTags("Admin").RequireRoles(Role.Admin).ProducesCommonProblems();
        group.MapGet("/", List).WithSummary("The brands an organisation's employer keys may post under, besides its own name.");
        group.MapPut("/", Replace).ProducesBodyProblems().WithSummary("Replace an organisation's brands (its employer keys may then post with these as hiringOrganization).");
        return group;
    }

    public static async Task<Ok<OrganisationBrandList>> List(string organisation, OrganisationBrands brands, CancellationToken ct) =>
        TypedResults.Ok(new OrganisationBrandList(organisation, await brands.ListAsync(organisation, ct)));

    public static async Task<Results<Ok<OrganisationBrandList>, ValidationProblem>> Replace(
        string organisation, BrandsInput input, OrganisationBrands brands, CancellationToken ct)
    {
        if (input.Brands is null || input.Brands.Count > 100 || input.Brands.Any(b => b is null || b.Length > 300))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["brands"] = ["At most 100 names of at most 300 characters."] });
        return TypedResults.Ok(new OrganisationBrandList(organisation, await brands.ReplaceAsync(organisation, input.Brands, ct)));
    }
}

public sealed record BrandsInput([property: Required] IReadOnlyList<string>? Brands);

public sealed record OrganisationBrandList(string Organisation, IReadOnlyList<string> Brands);
