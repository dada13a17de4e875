using System.Text.Json;

namespace SkillsMatch.Credentials.Keys;

/// <summary>
/// Reads the keys a controller publishes: a DID document or controller document (DID Core §5.2 verificationMethod,
/// §5.3.1 authentication, §5.3.2 assertionMethod; W3C Controlled Identifiers), each key with the relationships it is
/// listed under; or a JWK Set (RFC 7517 §5) or a single JWK, whose keys are assertion keys.
/// </summary>
internal static class ControllerDocument
{
    public static KeyResolution Read(byte[] body, string controller)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body, Formats.Json.Options);
        }
        catch (JsonException e)
        {
            return KeyResolution.Failed(controller, $"the key document of {controller} is not JSON{Formats.Json.Where(e)}");
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return KeyResolution.Failed(controller, $"the key document of {controller} is not a JSON object");
            if (root.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array)
                return FromJwks(keys, controller);
            if (root.TryGetProperty("kty", out _))
                return FromSingleJwk(root, controller);
            return FromVerificationMethods(root, controller);
        }
    }

    private static KeyResolution FromJwks(JsonElement keys, string controller)
    {
        var result = new List<VerificationKey>();
        foreach (var key in keys.EnumerateArray())
        {
            // RFC 7517 §4.2: a key marked for encryption is not a signing key.
            if (Text(key, "use") is "enc") continue;
            try
            {
                var jwk = PublicJwk.Parse(key);
                result.Add(new VerificationKey(Text(key, "kid") ?? jwk.Thumbprint(), controller, jwk));
            }
            catch (CredentialFormatException)
            {
                // One unusable key in a set does not spoil the others.
            }
        }
        return result.Count > 0 ? new KeyResolution(controller, result) : KeyResolution.Failed(controller, $"the JWKS of {controller} lists no usable key");
    }

    private static KeyResolution FromSingleJwk(JsonElement root, string controller)
    {
        try
        {
            return new KeyResolution(controller, [new VerificationKey(Text(root, "kid") ?? controller, controller, PublicJwk.Parse(root))]);
        }
        catch (CredentialFormatException e)
        {
            return KeyResolution.Failed(controller, $"the key at {controller} is unusable: {e.Message}");
        }
    }

    private static KeyResolution FromVerificationMethods(JsonElement root, string controller)
    {
        // DID Core §7.1.2: the resolved document's id must be the DID that was resolved.
        if (Text(root, "id") is { } id && id != controller)
            return KeyResolution.Failed(controller, $"the document fetched for {controller} describes {id}");
        var methods = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("verificationMethod", out var vms) && vms.ValueKind == JsonValueKind.Array)
        {
            foreach (var vm in vms.EnumerateArray())
                if (Text(vm, "id") is { } vmId) methods[Absolute(vmId, controller)] = vm;
        }
        var result = new Dictionary<string, VerificationKey>(StringComparer.Ordinal);
        Relationship(root, "assertionMethod", KeyPurpose.Assertion, methods, controller, result);
        Relationship(root, "authentication", KeyPurpose.Authentication, methods, controller, result);
        return result.Count > 0
            ? new KeyResolution(controller, [.. result.Values])
            : KeyResolution.Failed(controller, $"the document of {controller} lists no usable assertionMethod or authentication key");
    }

    private static void Relationship(JsonElement root, string name, KeyPurpose purpose, Dictionary<string, JsonElement> methods, string controller,
        Dictionary<string, VerificationKey> into)
    {
        if (!root.TryGetProperty(name, out var entries) || entries.ValueKind != JsonValueKind.Array) return;
        foreach (var entry in entries.EnumerateArray())
        {
            // DID Core §5.3: a relationship entry is a reference to a verification method or an embedded one.
            var method = entry.ValueKind == JsonValueKind.String
                ? methods.GetValueOrDefault(Absolute(entry.GetString()!, controller))
                : entry;
            if (method.ValueKind != JsonValueKind.Object || Text(method, "id") is not { } methodId) continue;
            var id = Absolute(methodId, controller);
            if (into.TryGetValue(id, out var known)) into[id] = known with { Purposes = known.Purposes | purpose };
            else if (ReadKey(method) is { } jwk) into[id] = new VerificationKey(id, controller, jwk, purpose);
        }
    }

    private static PublicJwk? ReadKey(JsonElement method)
    {
        try
        {
            if (method.TryGetProperty("publicKeyJwk", out var jwk)) return PublicJwk.Parse(jwk);
            if (Text(method, "publicKeyMultibase") is { } multibase) return Multikey.Decode(multibase);
            if (Text(method, "publicKeyBase58") is { } base58 && Text(method, "type") == "Ed25519VerificationKey2018")
                return PublicJwk.Ed25519(Multikey.DecodeBase58(base58));
        }
        catch (CredentialFormatException)
        {
        }
        return null;
    }

    internal static string Absolute(string id, string controller) => id.StartsWith('#') ? controller + id : id;

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
