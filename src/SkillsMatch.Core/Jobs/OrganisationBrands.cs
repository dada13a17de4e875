using Dapper;
using Npgsql;

namespace SkillsMatch.Jobs;

/// <summary>
/// Which names an employer key may post under: its organisation (the key's subject) and the brands an admin listed for
/// it. Names compare case-insensitively with spacing and invisible characters ignored, so "ACME  Inc" is "Acme Inc".
/// </summary>
public sealed class OrganisationBrands(NpgsqlDataSource dataSource)
{
    public async Task<bool> SpeaksForAsync(string organisation, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var key = Key(name);
        if (key.Length == 0) return false;
        if (key == Key(organisation)) return true;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM organisation_brands WHERE organisation = @organisation AND brand_key = @key)",
            new { organisation, key }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<string>> ListAsync(string organisation, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<string>(new CommandDefinition(
            "SELECT brand FROM organisation_brands WHERE organisation = @organisation ORDER BY brand_key", new { organisation }, cancellationToken: ct))).ToList();
    }

    /// <summary>Replaces the organisation's brands with <paramref name="brands"/> (blank and repeated names dropped).</summary>
    public async Task<IReadOnlyList<string>> ReplaceAsync(string organisation, IReadOnlyList<string> brands, CancellationToken ct)
    {
        var kept = brands.Select(b => b.Trim()).Where(b => Key(b).Length > 0).DistinctBy(Key).ToList();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            DELETE FROM organisation_brands WHERE organisation = @organisation;
            INSERT INTO organisation_brands (organisation, brand, brand_key) SELECT @organisation, b, k FROM unnest(@brands, @keys) x(b, k);
            """, new { organisation, brands = kept.ToArray(), keys = kept.Select(Key).ToArray() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return kept;
    }

    /// <summary>A name as compared: letters and digits lower-cased, one space between words, invisible characters gone.</summary>
    public static string Key(string? name) =>
        name is null ? "" : string.Join(' ', new string(name.Where(c => !char.IsControl(c) && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray())
            .ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
