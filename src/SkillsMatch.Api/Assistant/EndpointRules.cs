using System.Collections.Frozen;
using Microsoft.AspNetCore.Authorization;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;

namespace SkillsMatch.Api.Assistant;

/// <summary>
/// The access rules of the API's endpoints as their metadata states them (<see cref="AccessEndpoints"/>), looked up by
/// "METHOD pattern". The assistant's tools run under these rules rather than a copy of them: change an endpoint's
/// rule and its tool follows.
/// </summary>
public sealed class EndpointRules(EndpointDataSource endpoints)
{
    private FrozenDictionary<string, EndpointRule>? rules;

    public EndpointRule For(string endpoint)
    {
        rules ??= Index(endpoints);
        return rules.TryGetValue(endpoint, out var rule)
            ? rule
            : throw new InvalidOperationException($"No endpoint '{endpoint}' is mapped; a tool names the endpoint whose rules it follows.");
    }

    private static FrozenDictionary<string, EndpointRule> Index(EndpointDataSource source)
    {
        var index = new Dictionary<string, EndpointRule>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                index[$"{method} {endpoint.RoutePattern.RawText}"] = EndpointRule.Of(endpoint.Metadata);
        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <param name="Roles">The roles allowed; null: any key.</param>
public sealed record EndpointRule(IReadOnlySet<Role>? Roles, LearnerRule? Learner, OwnerRule? Owner, AuditRule? Audit)
{
    public static EndpointRule Of(EndpointMetadataCollection metadata)
    {
        HashSet<Role>? roles = null;
        if (metadata.GetMetadata<IAllowAnonymous>() is null)
            foreach (var authorize in metadata.GetOrderedMetadata<IAuthorizeData>())
                if (authorize.Roles is { Length: > 0 } names)
                {
                    var these = names.Split(',').Select(n => SkillsMatch.Access.Roles.Parse(n.Trim())).ToHashSet();
                    roles = roles is null ? these : [.. roles.Intersect(these)];
                }
        return new EndpointRule(roles, metadata.GetMetadata<LearnerRule>(), metadata.GetMetadata<OwnerRule>(), metadata.GetMetadata<AuditRule>());
    }
}
