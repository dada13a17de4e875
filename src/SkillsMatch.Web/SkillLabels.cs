using System.Globalization;
using Dapper;
using Npgsql;

namespace SkillsMatch.Web;

/// <summary>
/// Skill labels in the page's language. French labels come from a <c>skill_labels(skill_id, lang, label)</c> table when
/// the taxonomy store has one (the importer's <c>--labels fr DIR</c> option fills it); without it, or without a label for a
/// skill, the taxonomy's own label is shown. One query per page, for the skills the page shows.
/// </summary>
public sealed class SkillLabels(NpgsqlDataSource dataSource)
{
    private Dictionary<long, string> labels = [];

    public static string Language => CultureInfo.CurrentUICulture.Name;

    public async Task LoadAsync(IEnumerable<long> skillIds, CancellationToken ct)
    {
        if (Language == "en") return;
        var ids = skillIds.Distinct().ToArray();
        if (ids.Length == 0) return;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        // skill_labels exists without a language (alternative labels); only a lang column makes it hold translations.
        if (!await conn.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM information_schema.columns
                            WHERE table_schema = current_schema() AND table_name = 'skill_labels' AND column_name = 'lang')
            """, cancellationToken: ct))) return;
        var rows = await conn.QueryAsync<(long SkillId, string Label)>(new CommandDefinition(
            "SELECT skill_id, label FROM skill_labels WHERE lang = @lang AND skill_id = ANY(@ids)", new { lang = Language, ids }, cancellationToken: ct));
        labels = rows.ToDictionary(r => r.SkillId, r => r.Label);
    }

    /// <summary>The label in the page's language when there is one, else <paramref name="fallback"/>.</summary>
    public string Skill(long skillId, string fallback) => labels.GetValueOrDefault(skillId, fallback);
}
