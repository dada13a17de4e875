using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.SemanticKernel;
using SkillsMatch.Api.Assistant.Plugins;

namespace SkillsMatch.Api.Assistant;

/// <summary>
/// Every assistant tool: the <c>[KernelFunction]</c> methods of the plugins, one plugin per area, built once. A caller's
/// kernel carries their <see cref="ToolContext"/> and only the functions their role may use.
/// </summary>
public static class AssistantTools
{
    public static readonly IReadOnlyList<Type> Plugins =
        [typeof(TaxonomyPlugin), typeof(ExtractionPlugin), typeof(LearnerPlugin), typeof(EmployerPlugin), typeof(PractitionerPlugin), typeof(OutcomesPlugin), typeof(CredentialsPlugin)];

    /// <summary>How tool results and arguments are written: as the API writes them (camelCase, enums by name).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly FrozenDictionary<string, MethodInfo> Methods = Plugins
        .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(method => method.GetCustomAttribute<KernelFunctionAttribute>() is not null)
        .ToFrozenDictionary(method => method.Name, StringComparer.Ordinal);

    /// <summary>Every tool as a kernel function, with its area and rule; the schemas are built here, once.</summary>
    public static readonly IReadOnlyList<Tool> All = [.. Plugins.SelectMany(type =>
    {
        var target = Activator.CreateInstance(type)!;
        return type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttribute<KernelFunctionAttribute>() is not null)
            .OrderBy(m => m.MetadataToken)
            .Select(m => new Tool(KernelFunctionFactory.CreateFromMethod(m, Json, target, NameOf(m)), AreaOf(type), m.GetCustomAttribute<ToolAccessAttribute>()!));
    })];

    public static MethodInfo Method(string member) =>
        Methods.TryGetValue(member, out var method) ? method : throw new InvalidOperationException($"'{member}' is not an assistant tool.");

    public static string NameOf(MethodInfo method) => method.GetCustomAttribute<KernelFunctionAttribute>()!.Name ?? method.Name;

    private static string AreaOf(Type plugin) => plugin.Name.Replace("Plugin", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The caller's kernel: only the functions their role may use, tools that change data only when enabled.</summary>
    public static async Task<Kernel> KernelForAsync(ToolContext context)
    {
        var writes = await context.WritesEnabledAsync();
        return KernelFor(context, All.Where(t => context.MayUse(t.Access) && (!t.Access.Writes || writes)));
    }

    /// <summary>A kernel carrying the caller's context, holding <paramref name="tools"/> by area.</summary>
    public static Kernel KernelFor(ToolContext context, IEnumerable<Tool> tools)
    {
        var kernel = new Kernel(context.Services);
        kernel.Data[nameof(ToolContext)] = context;
        foreach (var area in tools.GroupBy(t => t.Area))
            kernel.Plugins.Add(KernelPluginFactory.CreateFromFunctions(area.Key, area.Select(t => t.Function)));
        return kernel;
    }

    public sealed record Tool(KernelFunction Function, string Area, ToolAccessAttribute Access)
    {
        public string Name => Function.Name;
    }
}
