namespace SkillsMatch.Catalog;

/// <summary>
/// Whether an offering's quality-assurance claim counts (issue 15): only when the trust registry backs it. The offering's
/// issuerUri must be a trusted issuer whose entry names an accrediting body (for "accredited"), a framework or an
/// accrediting body (for "framework-aligned"), or is simply trusted (for "industry-endorsed"). Any other claim is shown as
/// self-declared and counts as "none" — in API answers and in the offerings gap plans are built from. The registry is
/// read with every answer, so an issuer losing trust loses its claims at once.
/// </summary>
public static class QualityAssuranceRule
{
    public const string TrustRegistry = "trust-registry";
    public const string SelfDeclared = "self-declared";
    public const string None = "none";

    /// <summary>Joins an offering <c>o</c> to its registry entry <c>i</c>, for <see cref="CountedSql"/>.</summary>
    public const string RegistryJoin = "LEFT JOIN issuers i ON i.issuer_uri = o.issuer_uri";

    /// <summary>The level that counts, as SQL over <c>o</c> and <c>i</c> (<see cref="RegistryJoin"/>).</summary>
    public const string CountedSql = """
        CASE WHEN i.trusted AND (o.quality_assurance = 'industry-endorsed'
                  OR (o.quality_assurance = 'framework-aligned' AND (nullif(btrim(i.framework), '') IS NOT NULL OR nullif(btrim(i.accrediting_body), '') IS NOT NULL))
                  OR (o.quality_assurance = 'accredited' AND nullif(btrim(i.accrediting_body), '') IS NOT NULL))
             THEN o.quality_assurance ELSE 'none' END
        """;

    /// <summary>trust-registry when the claim counts, self-declared when it does not, none when nothing was claimed.</summary>
    public static string Basis(string claimed, string counted) =>
        claimed == None ? None : claimed == counted ? TrustRegistry : SelfDeclared;
}
