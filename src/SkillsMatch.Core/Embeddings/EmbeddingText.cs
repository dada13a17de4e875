namespace SkillsMatch.Embeddings;

/// <summary>The one place that decides what text stands for each thing that gets a vector.</summary>
public static class EmbeddingText
{
    /// <summary>A skill is its preferred label: extraction and search compare short phrases against it.</summary>
    public static string ForSkill(string preferredLabel) => preferredLabel.Trim();

    /// <summary>An occupation is its title; titles are what postings and target roles are matched on.</summary>
    public static string ForOccupation(string title) => title.Trim();

    /// <summary>
    /// A learner is what they aim for, what they can do (strongest evidence first: the model reads 256 tokens at
    /// most) and what they have done. Empty when the profile says nothing yet.
    /// </summary>
    public static string ForLearner(IReadOnlyList<string> targetTitles, IReadOnlyList<string> skillLabels, IReadOnlyList<string> experienceTitles)
    {
        var parts = new List<string>(3);
        if (targetTitles.Count > 0) parts.Add("Target roles: " + string.Join(", ", targetTitles) + ".");
        if (skillLabels.Count > 0) parts.Add("Skills: " + string.Join(", ", skillLabels) + ".");
        if (experienceTitles.Count > 0) parts.Add("Experience: " + string.Join(", ", experienceTitles) + ".");
        return string.Join(" ", parts);
    }

    public static byte[] Hash(string text) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
}
