using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using SimpleBase;
using SkillsMatch.Credentials;
using SkillsMatch.Credentials.LinkedData;

namespace SkillsMatch.Bench;

/// <summary>
/// Measures verification of an OB 3.0 credential secured with an <c>eddsa-rdfc-2022</c> proof from a did:key issuer on
/// one thread (per core), contexts and keys cached: JSON-LD expansion, RDFC-1.0, Ed25519, then the credential checks.
/// Also times canonicalising a ~100 kB credential (many achievements with alignments).
/// </summary>
public static class DataIntegrityBenchmark
{
    /// <param name="VerificationsPerCpuSecond">Verifications per second of process CPU time: the per-core rate on a shared machine.</param>
    /// <param name="Stages">CPU microseconds per verification of the typical credential spent in each stage (document and proof options together).</param>
    /// <param name="CpuMillisecondsPer100KbCanonicalization">The same in process CPU time.</param>
    public sealed record Figures(double VerificationsPerSecond, double VerificationsPerCpuSecond, double MillisecondsPer100KbCanonicalization,
        double CpuMillisecondsPer100KbCanonicalization, int LargeCredentialBytes,
        IReadOnlyList<(string Stage, double Microseconds)> Stages, IReadOnlyList<(string Stage, double Microseconds)> LargeStages);

    public static async Task<Figures> RunAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var privateKey = new Ed25519PrivateKeyParameters(new SecureRandom());
        var json = SignedCredential(privateKey, DateTimeOffset.UtcNow, achievements: 1);
        using var http = new CredentialHttpClient();
        var verifier = new CredentialVerifier(http);
        var input = Encoding.UTF8.GetBytes(json);
        var warm = await verifier.VerifyAsync(input, null, cancellationToken);
        if (!warm.IsVerified) throw new InvalidOperationException("benchmark credential did not verify: " + string.Join("; ", warm.Reasons));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var verdict = await verifier.VerifyAsync(input, null, cancellationToken);
            if (!verdict.SignatureValid) throw new InvalidOperationException("benchmark verification failed");
        }
        var rate = count / clock.Elapsed.TotalSeconds;
        var cpuRate = count / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var stages = Stages(json, Math.Max(100, count / 2));

        var large = Credential(Did(privateKey), DateTimeOffset.UtcNow, achievements: 175);
        var processor = new JsonLdProcessor(ContextStore.Default);
        var canonicalizer = new RdfCanonicalizer();
        var document = PlainJson.Parse(large);
        canonicalizer.Canonicalize(processor.ToRdf(document));
        clock.Restart();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        const int rounds = 10;
        for (var i = 0; i < rounds; i++) canonicalizer.Canonicalize(processor.ToRdf(PlainJson.Parse(large)));
        var bytes = Encoding.UTF8.GetByteCount(large);
        var per100Kb = 100_000.0 / bytes / rounds;
        return new Figures(rate, cpuRate, clock.Elapsed.TotalMilliseconds * per100Kb,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * per100Kb, bytes, stages, LargeStages(large));
    }

    /// <summary>Where canonicalising the large credential's time goes: parsing, expansion, deserialisation to RDF, RDFC-1.0.</summary>
    private static List<(string, double)> LargeStages(string json)
    {
        var processor = new JsonLdProcessor(ContextStore.Default);
        var canonicalizer = new RdfCanonicalizer();
        var document = PlainJson.Parse(json);
        var expanded = processor.Expand(document);
        var quads = RdfDeserializer.ToRdf(expanded, new JsonLdOptions());
        return
        [
            ("JSON parse", CpuMicroseconds(() => PlainJson.Parse(json), 5)),
            ("JSON-LD expansion", CpuMicroseconds(() => processor.Expand(document), 5)),
            ("to RDF", CpuMicroseconds(() => RdfDeserializer.ToRdf(expanded, new JsonLdOptions()), 5)),
            ("RDFC-1.0", CpuMicroseconds(() => canonicalizer.Canonicalize(quads), 5)),
        ];
    }

    /// <summary>
    /// Where one verification's time goes, stage by stage over the same signed credential: JSON parsing, JSON-LD expansion,
    /// deserialisation to RDF, RDFC-1.0, SHA-256 and Ed25519 — each for the document and the proof options, as a verifier does.
    /// </summary>
    private static List<(string, double)> Stages(string json, int rounds)
    {
        var processor = new JsonLdProcessor(ContextStore.Default);
        var canonicalizer = new RdfCanonicalizer();
        var signed = (Dictionary<string, object?>)PlainJson.Parse(json)!;
        var proof = (Dictionary<string, object?>)signed["proof"]!;
        var document = new Dictionary<string, object?>(signed, StringComparer.Ordinal);
        document.Remove("proof");
        var options = new Dictionary<string, object?>(proof, StringComparer.Ordinal) { ["@context"] = signed["@context"] };
        options.Remove("proofValue");
        var expanded = (processor.Expand(document), processor.Expand(options));
        var quads = (RdfDeserializer.ToRdf(expanded.Item1, new JsonLdOptions()), RdfDeserializer.ToRdf(expanded.Item2, new JsonLdOptions()));
        var canonical = (canonicalizer.Canonicalize(quads.Item1), canonicalizer.Canonicalize(quads.Item2));
        var did = (string)((Dictionary<string, object?>)signed["issuer"]!)["id"]!;
        var publicKey = new Ed25519PublicKeyParameters(Base58.Bitcoin.Decode(did.AsSpan("did:key:z".Length))[2..]);
        var signature = Base58.Bitcoin.Decode(((string)proof["proofValue"]!).AsSpan(1));
        byte[] hashData = [.. SHA256.HashData(Encoding.UTF8.GetBytes(canonical.Item2)), .. SHA256.HashData(Encoding.UTF8.GetBytes(canonical.Item1))];

        double Time(Action step) => CpuMicroseconds(step, rounds);
        return
        [
            ("JSON parse", Time(() => PlainJson.Parse(json))),
            ("JSON-LD expansion", Time(() => { processor.Expand(document); processor.Expand(options); })),
            ("to RDF", Time(() => { RdfDeserializer.ToRdf(expanded.Item1, new JsonLdOptions()); RdfDeserializer.ToRdf(expanded.Item2, new JsonLdOptions()); })),
            ("RDFC-1.0", Time(() => { canonicalizer.Canonicalize(quads.Item1); canonicalizer.Canonicalize(quads.Item2); })),
            ("SHA-256", Time(() => { SHA256.HashData(Encoding.UTF8.GetBytes(canonical.Item1)); SHA256.HashData(Encoding.UTF8.GetBytes(canonical.Item2)); })),
            ("Ed25519 verify", Time(() => publicKey.Verify(Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Algorithm.Ed25519, null, hashData, 0, hashData.Length, signature, 0))),
        ];
    }

    /// <summary>An OB 3.0 credential signed with eddsa-rdfc-2022 by the did:key of <paramref name="key"/>.</summary>
    public static string SignedCredential(Ed25519PrivateKeyParameters key, DateTimeOffset now, int achievements = 1)
    {
        ArgumentNullException.ThrowIfNull(key);
        var did = Did(key);
        var document = (Dictionary<string, object?>)PlainJson.Parse(Credential(did, now, achievements))!;
        var proof = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = "eddsa-rdfc-2022",
            ["created"] = now.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["verificationMethod"] = $"{did}#{did["did:key:".Length..]}",
            ["proofPurpose"] = "assertionMethod",
        };
        var config = new Dictionary<string, object?>(proof, StringComparer.Ordinal) { ["@context"] = document["@context"] };
        // VC-DI-EdDSA §3.3.1: SHA-256(canonical proof options) ‖ SHA-256(canonical document), signed with Ed25519.
        var processor = new JsonLdProcessor(ContextStore.Default);
        var canonicalizer = new RdfCanonicalizer();
        byte[] hashData = [.. Hash(processor, canonicalizer, config), .. Hash(processor, canonicalizer, document)];
        var signature = new byte[64];
        key.Sign(Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Algorithm.Ed25519, null, hashData, 0, hashData.Length, signature, 0);
        proof["proofValue"] = "z" + Base58.Bitcoin.Encode(signature);
        document["proof"] = proof;
        return System.Text.Json.JsonSerializer.Serialize(document, Indented);
    }

    private static byte[] Hash(JsonLdProcessor processor, RdfCanonicalizer canonicalizer, Dictionary<string, object?> document) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(canonicalizer.Canonicalize(processor.ToRdf(document))));

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string Did(Ed25519PrivateKeyParameters key) => "did:key:z" + Base58.Bitcoin.Encode([0xED, 0x01, .. key.GeneratePublicKey().GetEncoded()]);

    private static string Credential(string issuer, DateTimeOffset now, int achievements)
    {
        var sb = new StringBuilder();
        sb.Append($$"""
        {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id":"urn:uuid:{{Guid.NewGuid()}}","type":["VerifiableCredential","OpenBadgeCredential"],
         "issuer":{"id":"{{issuer}}","type":["Profile"],"name":"Benchmark College"},
         "validFrom":"{{now.AddDays(-1):yyyy-MM-ddTHH:mm:ssZ}}",
         "credentialSubject":{"id":"did:example:learner","type":["AchievementSubject"],"achievement":[
        """);
        for (var i = 0; i < achievements; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append($$"""
            {"id":"https://example.edu/achievements/{{i}}","type":["Achievement"],"name":"SQL Fundamentals {{i}}",
             "description":"Writes joins, aggregates and window functions over relational data; explains query plans.",
             "criteria":{"narrative":"Pass the proctored practical exam with at least 80 percent."},
             "alignment":[{"type":["Alignment"],"targetName":"use databases","targetUrl":"http://data.europa.eu/esco/skill/b3f7c1a9-{{i}}","targetFramework":"ESCO"},
                          {"type":["Alignment"],"targetName":"SQL","targetUrl":"http://data.europa.eu/esco/skill/598de5b0-{{i}}","targetFramework":"ESCO"}]}
            """);
        }
        sb.Append("]}}");
        return sb.ToString();
    }

    /// <summary>CPU time, not wall time: on a shared machine the wall clock measures the neighbours. Enough rounds for 0.3 s of CPU.</summary>
    private static double CpuMicroseconds(Action step, int rounds)
    {
        step();
        var process = Process.GetCurrentProcess();
        var start = process.TotalProcessorTime;
        var done = 0;
        while (done < rounds || (process.TotalProcessorTime - start).TotalSeconds < 0.3)
        {
            step();
            done++;
            process.Refresh();
        }
        return (process.TotalProcessorTime - start).TotalMicroseconds / done;
    }
}
