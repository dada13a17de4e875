using SkillsMatch.Access;

namespace SkillsMatch.Api.Assistant;

/// <summary>
/// Who may call an assistant tool. A tool that does what an endpoint does names it ("GET /learners/{id:guid}/matches")
/// and gets that endpoint's rules, read from its metadata: roles, learner rule, ownership rule, audit. A tool with no
/// endpoint names its roles. <see cref="Writes"/>: it changes data, so it needs <c>confirm: true</c>, the key's
/// owner's consent (PUT /assistant/writes) and, in a chat, the user's confirmation in the same turn.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolAccessAttribute : Attribute
{
    public ToolAccessAttribute(string endpoint) => Endpoint = endpoint;

    public ToolAccessAttribute(params Role[] roles) => Roles = roles;

    public string? Endpoint { get; }

    public IReadOnlyList<Role>? Roles { get; }

    public bool Writes { get; init; }

    /// <summary>Reaches outside SkillsMatch (e.g. fetches an issuer's keys).</summary>
    public bool OpenWorld { get; init; }
}
