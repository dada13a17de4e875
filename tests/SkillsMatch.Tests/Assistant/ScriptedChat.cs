using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SkillsMatch.Api.Assistant;

namespace SkillsMatch.Tests.Assistant;

/// <summary>
/// The one test double: no language model is reachable here, so this chat service replays recorded model turns — text,
/// tool calls (hostile ones included) — as an OpenAI-compatible endpoint would stream them. It records everything it
/// was sent, so a test can assert what reached the model and which tools were offered.
/// </summary>
public sealed class ScriptedChat(params ScriptStep[] steps) : IChatCompletionService
{
    private int next;

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();

    /// <summary>Per model call: the whole conversation as the model would read it.</summary>
    public List<string> Seen { get; } = [];

    /// <summary>Per model call: the tools offered (plugin-function names).</summary>
    public List<IReadOnlySet<string>> Offered { get; } = [];

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The assistant streams its answers.");

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Seen.Add(Render(chatHistory));
        Offered.Add(kernel is null ? new HashSet<string>() : kernel.Plugins.SelectMany(p => p.Select(f => $"{p.Name}-{f.Name}")).ToHashSet());
        var step = next < steps.Length ? steps[next++] : new ScriptStep("(script ended)");
        await Task.Yield();
        if (step.Text is { } text)
            foreach (var word in text.Split(' '))
                yield return new StreamingChatMessageContent(AuthorRole.Assistant, word + " ");
        for (var i = 0; i < step.Calls.Count; i++)
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, null)
            {
                Items = [new StreamingFunctionCallUpdateContent($"call_{Seen.Count}_{i}", step.Calls[i].Function, JsonSerializer.Serialize(step.Calls[i].Arguments, JsonSerializerOptions.Web), i)],
            };
    }

    private static string Render(ChatHistory history)
    {
        var text = new StringBuilder();
        foreach (var message in history)
        {
            text.Append(message.Role.Label).Append(": ").AppendLine(message.Content);
            foreach (var item in message.Items)
                switch (item)
                {
                    case FunctionCallContent call:
                        text.AppendLine($"  call {call.PluginName}-{call.FunctionName} {JsonSerializer.Serialize(call.Arguments, AssistantTools.Json)}");
                        break;
                    case FunctionResultContent result:
                        text.AppendLine($"  result {result.FunctionName}: {(result.Result as string ?? JsonSerializer.Serialize(result.Result, AssistantTools.Json))}");
                        break;
                }
        }
        return text.ToString();
    }
}

/// <summary>One recorded model turn: some text, or tool calls by their fully qualified name (plugin-function) with arguments.</summary>
public sealed record ScriptStep(string? Text, IReadOnlyList<(string Function, object Arguments)> Calls)
{
    public ScriptStep(string text) : this(text, []) { }

    public static ScriptStep Call(string function, object arguments) => new(null, [(function, arguments)]);

    public static ScriptStep CallAll(params (string Function, object Arguments)[] calls) => new(null, calls);
}
