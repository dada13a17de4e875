using System.ComponentModel.DataAnnotations;

namespace SkillsMatch.Api.Assistant;

/// <summary>
/// The <c>Assistant</c> section: the operator's OpenAI-compatible chat endpoint (Assistant__Endpoint, e.g.
/// http://localhost:11434/v1 for Ollama; Assistant__Model; Assistant__ApiKey if it needs one). Without an endpoint and
/// a model, POST /assistant/chat answers 503 and the rest of SkillsMatch (MCP included) is unaffected.
/// </summary>
public sealed class AssistantOptions
{
    public string? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }

    /// <summary>Turns (messages from the person) one conversation may take; then a new one starts.</summary>
    [Range(1, 200)] public int MaxTurns { get; set; } = 20;

    /// <summary>Conversations held in memory at once; the least recently used goes first.</summary>
    [Range(1, 100_000)] public int MaxConversations { get; set; } = 1000;

    /// <summary>A conversation idle this long is forgotten.</summary>
    [Range(1, 1440)] public int IdleMinutes { get; set; } = 60;

    /// <summary>Rounds of tool calls in one turn before the model must answer.</summary>
    [Range(1, 20)] public int MaxToolRounds { get; set; } = 6;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);
}
