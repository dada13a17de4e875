namespace SkillsMatch;

/// <summary>
/// What was wrong with a request or an imported row, by field ("region", "consent.parts[1]"): the API answers
/// it as a validation ProblemDetails, the CLI prints it beside the row's line number.
/// </summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public bool Any => byField.Count > 0;

    public void Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var messages)) byField[field] = messages = [];
        messages.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() => byField.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public override string ToString() => string.Join("; ", byField.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
}
