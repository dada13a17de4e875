using System.Reflection;
using System.Runtime.CompilerServices;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;

namespace SkillsMatch.Api.Assistant;

/// <summary>
/// One caller's assistant tools at work: the request they came in on (its key, its services), whether this key's owner
/// let assistants write, and whether the person confirmed writes in this turn. Every tool starts with
/// <see cref="EnterAsync"/>, which applies the endpoint's rules for this caller and audits like the endpoint does.
/// </summary>
public sealed class ToolContext
{
    private Task<bool>? writesEnabled;

    private ToolContext(HttpContext http, Caller caller, bool writesConfirmed)
    {
        Http = http;
        Caller = caller;
        WritesConfirmed = writesConfirmed;
    }

    public HttpContext Http { get; }
    public Caller Caller { get; }
    public IServiceProvider Services => Http.RequestServices;
    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>A learner key's own learner: the one its tools mean when none is named.</summary>
    public Guid? OwnLearner => Caller.Role == Role.Learner ? Caller.LearnerId : null;

    /// <summary>
    /// The key's owner enabled the tools that change data (PUT /assistant/writes). Read when first needed (listing
    /// tools, or a tool that writes), never cached across requests, so switching it off applies to the next call.
    /// </summary>
    public Task<bool> WritesEnabledAsync() =>
        writesEnabled ??= Services.GetRequiredService<AssistantWriteGrants>().IsEnabledAsync(Caller.KeyId, Aborted);

    /// <summary>The person confirmed changes in this turn (an MCP host asks its user before each such call; a chat turn says confirm: true).</summary>
    public bool WritesConfirmed { get; }

    public static ToolContext For(HttpContext http, bool writesConfirmed) =>
        new(http, Caller.From(http.User) ?? throw new InvalidOperationException("Assistant tools need an authenticated caller."), writesConfirmed);

    /// <summary>The context a kernel's functions run in (set by <see cref="AssistantTools.KernelFor"/>).</summary>
    public static ToolContext Of(Microsoft.SemanticKernel.Kernel kernel) =>
        kernel.Data.TryGetValue(nameof(ToolContext), out var context) && context is ToolContext tools
            ? tools : throw new InvalidOperationException("Assistant tools run only in a kernel made by AssistantTools.KernelFor.");

    /// <summary>Whether this caller's role may use the tool at all (the tool list shows only these).</summary>
    public bool MayUse(ToolAccessAttribute access) =>
        RolesOf(access) is not { } roles || roles.Contains(Caller.Role);

    /// <summary>
    /// Applies the tool's rules for this caller — role, the learner or owner rule on <paramref name="resource"/>, the
    /// write conditions — and audits like the endpoint does. Throws a <see cref="ToolError"/> naming the reason.
    /// </summary>
    public async Task EnterAsync(object? resource = null, bool confirm = false, [CallerMemberName] string member = "")
    {
        var (tool, access) = Describe(member);
        var rule = access.Endpoint is { } endpoint ? Services.GetRequiredService<EndpointRules>().For(endpoint) : null;
        var roles = RolesOf(access);
        if (roles is not null && !roles.Contains(Caller.Role))
            throw await RefuseAsync(rule, resource, tool, 403,
                $"'{tool}' is for {string.Join(", ", roles.Order().Select(r => r.Name()))} keys; this is {Article(Caller.Role)} key.");
        if (rule?.Learner is { } learner)
        {
            if (resource is not Guid learnerId)
                throw await RefuseAsync(rule, resource, tool, 400, "Name the learner (learnerId): only a learner's own key may leave it out.");
            if (await learner.RefusalAsync(Caller, learnerId, Services, Aborted) is { } refusal)
                throw await RefuseAsync(rule, resource, tool, 403, refusal);
        }
        if (rule?.Owner is { } owner && await owner.RefusalAsync(Caller, resource?.ToString() ?? "", Services, Aborted) is { } refused)
            throw await RefuseAsync(rule, resource, tool, refused.Status, refused.Detail);
        if (access.Writes)
        {
            if (!await WritesEnabledAsync())
                throw await RefuseAsync(rule, resource, tool, 403,
                    "Tools that change data are off for this API key; its owner can turn them on with PUT /assistant/writes {\"enabled\": true}.");
            if (!WritesConfirmed)
                throw await RefuseAsync(rule, resource, tool, 403,
                    "Not done: this changes data and the person has not confirmed it in this turn. Ask them; they confirm by sending their next message with confirm: true.");
            if (!confirm)
                throw await RefuseAsync(rule, resource, tool, 403,
                    "Not done: this changes data. Tell the person exactly what will change and call again with confirm: true once they agree.");
        }
        await AuditAsync(rule, resource, tool, 200);
    }

    private IReadOnlySet<Role>? RolesOf(ToolAccessAttribute access) =>
        access.Roles is { } roles ? roles.ToHashSet()
            : access.Endpoint is { } endpoint ? Services.GetRequiredService<EndpointRules>().For(endpoint).Roles
            : null;

    private async Task<ToolError> RefuseAsync(EndpointRule? rule, object? resource, string tool, int status, string reason)
    {
        await AuditAsync(rule, resource, tool, status);
        return new ToolError(reason);
    }

    /// <summary>As the endpoint's audit filter does, refusals included; the path says which assistant tool it was.</summary>
    private async Task AuditAsync(EndpointRule? rule, object? resource, string tool, int status)
    {
        if (rule?.Audit is not { } audit) return;
        Guid? learner = resource is Guid id ? id : null;
        await Services.GetRequiredService<AuditWriter>().RecordAsync(
            new AuditEntry(DateTime.UtcNow, Caller.KeyId, Caller.Role.Name(), audit.Action, learner, $"{Http.Request.Path} tool:{tool}", status),
            CancellationToken.None);
    }

    private static (string Tool, ToolAccessAttribute Access) Describe(string member)
    {
        var method = AssistantTools.Method(member);
        return (AssistantTools.NameOf(method), method.GetCustomAttribute<ToolAccessAttribute>()!);
    }

    private static string Article(Role role) => (role is Role.Admin or Role.Employer or Role.Issuer ? "an " : "a ") + role.Name();
}
