using System.Collections.Concurrent;

namespace SkillsMatch.Credentials.LinkedData;

/// <summary>
/// An active context (JSON-LD 1.1 API §4.1). Never modified once context processing has returned it, so results of
/// processing a pinned context on top of it can be remembered (<see cref="Derived"/>): a credential with the usual
/// contexts then costs no context processing at all after the first.
/// </summary>
internal sealed class ActiveContext
{
    private const int MaxDerived = 64;

    public Dictionary<string, TermDefinition> Terms { get; private set; } = new(StringComparer.Ordinal);
    public string? Base { get; set; }
    public string? OriginalBase { get; set; }
    public string? Vocab { get; set; }
    public string? DefaultLanguage { get; set; }
    public string? DefaultDirection { get; set; }
    public ActiveContext? Previous { get; set; }

    private ConcurrentDictionary<(object Local, bool OverrideProtected, bool Propagate, bool Validate), ActiveContext>? _derived;

    public bool HasProtectedTerms => Terms.Values.Any(t => t.Protected);

    public ActiveContext Clone() => new()
    {
        Terms = new(Terms, StringComparer.Ordinal),
        Base = Base,
        OriginalBase = OriginalBase,
        Vocab = Vocab,
        DefaultLanguage = DefaultLanguage,
        DefaultDirection = DefaultDirection,
        Previous = Previous,
    };

    public bool TryGetDerived((object, bool, bool, bool) key, out ActiveContext context)
    {
        context = null!;
        return _derived is not null && _derived.TryGetValue(key, out context!);
    }

    public void RememberDerived((object, bool, bool, bool) key, ActiveContext context)
    {
        var derived = _derived ?? Interlocked.CompareExchange(ref _derived, new(), null) ?? _derived;
        if (derived.Count < MaxDerived) derived.TryAdd(key, context);
    }

    public TermDefinition? Term(string? term) => term is not null && Terms.TryGetValue(term, out var d) ? d : null;
}
