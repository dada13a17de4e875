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
    /// most) and what they have done, with gendered job titles in their neutral form. Empty when the profile says nothing yet.
    /// </summary>
    public static string ForLearner(IReadOnlyList<string> targetTitles, IReadOnlyList<string> skillLabels, IReadOnlyList<string> experienceTitles)
    {
        var parts = new List<string>(3);
        if (targetTitles.Count > 0) parts.Add("Target roles: " + string.Join(", ", targetTitles) + ".");
        if (skillLabels.Count > 0) parts.Add("Skills: " + string.Join(", ", skillLabels) + ".");
        if (experienceTitles.Count > 0) parts.Add("Experience: " + string.Join(", ", experienceTitles.Select(GenderNeutralTitles.Rewrite)) + ".");
        return string.Join(" ", parts);
    }

    /// <summary>
    /// A posting is its title, its skills and the start of its description: MiniLM reads 256 word pieces, so the
    /// parts that say what the job is come first and the description fills what is left (~900 characters).
    /// </summary>
    public static string ForPosting(string title, IEnumerable<string> skillLabels, string description)
    {
        var skills = string.Join(", ", skillLabels.Take(20));
        var text = skills.Length > 0 ? $"{title.Trim()}. Skills: {skills}. " : $"{title.Trim()}. ";
        var room = Math.Max(0, 900 - text.Length);
        return text + (description.Length <= room ? description : description[..room]).Trim();
    }

    public static byte[] Hash(string text) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
}
