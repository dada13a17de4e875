using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SkillsMatch.Api.Credentials;

/// <summary>
/// The submitted credential's bytes, by content type. JSON is a credential (VC or OB 2.0 assertion) unless it is exactly
/// <c>{"url": "https://…"}</c>, a hosted OB 2.0 assertion, whose URL becomes the stored content (re-verification fetches it again).
/// </summary>
public sealed record CredentialBody(byte[]? Content, string? MediaType, ProblemHttpResult? Problem)
{
    private static readonly string[] JsonTypes = ["application/json", "application/ld+json", "application/vc+ld+json", "application/vc"];
    private static readonly string[] TextTypes = ["application/jwt", "application/vc+jwt", "text/plain"];
    private static readonly string[] ImageTypes = ["image/png", "image/svg+xml"];

    public static async Task<CredentialBody> ReadAsync(HttpRequest request, int maxInputBytes, CancellationToken ct)
    {
        var mediaType = request.GetTypedHeaders().ContentType?.MediaType.Value?.ToLowerInvariant();
        bool json = mediaType is not null && JsonTypes.Contains(mediaType);
        if (mediaType is null || !(json || TextTypes.Contains(mediaType) || ImageTypes.Contains(mediaType)))
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"Send the credential as {string.Join(", ", JsonTypes.Concat(TextTypes).Concat(ImageTypes))}; got '{mediaType ?? "none"}'.");

        // One byte over the verifier's limit is enough for it to say "too large" (a 422 like any other refusal).
        var content = await ReadBoundedAsync(request.Body, maxInputBytes + 1, ct);
        if (content.Length == 0) return Fail(StatusCodes.Status400BadRequest, "Empty body", "The request body is empty; send the credential.");
        if (json && HostedUrl(content) is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http"))
                return Fail(StatusCodes.Status400BadRequest, "Invalid url", $"'{url}' is not an absolute https URL of a hosted Open Badges 2.0 assertion.");
            return new CredentialBody(Encoding.UTF8.GetBytes(parsed.AbsoluteUri), "text/uri-list", null);
        }
        return new CredentialBody(content, mediaType, null);
    }

    private static string? HostedUrl(byte[] content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            return root.EnumerateObject().ToList() is [{ Name: "url", Value.ValueKind: JsonValueKind.String } only] ? only.Value.GetString() : null;
        }
        catch (JsonException)
        {
            return null; // not JSON after all: the verifier says exactly what is wrong with it
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    private static CredentialBody Fail(int status, string title, string detail) =>
        new(null, null, TypedResults.Problem(statusCode: status, title: title, detail: detail));
}
