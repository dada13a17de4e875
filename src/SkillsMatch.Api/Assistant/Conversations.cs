using System.Collections.Concurrent;
using Microsoft.SemanticKernel.ChatCompletion;

namespace SkillsMatch.Api.Assistant;

/// <summary>
/// Assistant conversations, in memory only (never stored, never logged): each belongs to the key that started it, holds
/// at most <see cref="AssistantOptions.MaxTurns"/> turns, and is forgotten when idle or when
/// <see cref="AssistantOptions.MaxConversations"/> newer ones push it out.
/// </summary>
public sealed class Conversations(AssistantOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Conversation> held = new();

    /// <summary>The key's conversation, or null when there is none (another key's conversation is none too).</summary>
    public Conversation? Find(Guid id, Guid keyId)
    {
        Expire();
        return held.TryGetValue(id, out var conversation) && conversation.KeyId == keyId ? conversation : null;
    }

    public Conversation Start(Guid keyId, string instructions)
    {
        Expire();
        while (held.Count >= options.MaxConversations
               && held.Values.MinBy(c => c.LastUsed) is { } oldest && held.TryRemove(oldest.Id, out _))
        {
        }
        var conversation = new Conversation(Guid.NewGuid(), keyId, new ChatHistory(instructions), clock.GetUtcNow());
        held[conversation.Id] = conversation;
        return conversation;
    }

    private void Expire()
    {
        var cutoff = clock.GetUtcNow().AddMinutes(-options.IdleMinutes);
        foreach (var (id, conversation) in held)
            if (conversation.LastUsed < cutoff) held.TryRemove(id, out _);
    }
}

/// <summary>One conversation; <see cref="Turn"/> serialises its turns (a second message waits for the first's answer).</summary>
public sealed class Conversation(Guid id, Guid keyId, ChatHistory history, DateTimeOffset started)
{
    public Guid Id { get; } = id;
    public Guid KeyId { get; } = keyId;
    public ChatHistory History { get; } = history;
    public DateTimeOffset LastUsed { get; set; } = started;
    public int Turns { get; set; }
    public SemaphoreSlim Turn { get; } = new(1, 1);
}
