namespace SkillsMatch.Embeddings;

/// <summary>The one place that decides what text stands for each thing that gets a vector.</summary>
public static class EmbeddingText
{
    /// <summary>A skill is its preferred label: extraction and search compare short phrases against it.</summary>
    public static string ForSkill(string preferredLabel) => preferredLabel.Trim();

    /// <summary>An occupation is its title; titles are what postings and target roles are matched on.</summary>
    public static string ForOccupation(string title) => title.Trim();

    public static byte[] Hash(string text) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
}
