namespace SkillsMatch.Api.Errors;

/// <summary>
/// The 1 MB request-body limit, the only one: no endpoint sets its own (a credential, badge images included, fits
/// under it; a larger one is refused here before the verifier reads it). Kestrel enforces it while reading
/// (<see cref="MaxBytes"/> is its MaxRequestBodySize); this check refuses a declared Content-Length above it before any
/// endpoint runs, on any server (a test host or a reverse-proxy integration has no Kestrel limit), as a 413 ProblemDetails.
/// </summary>
public static class RequestBodyLimit
{
    /// <summary>A text at the extraction limit, JSON-escaped, fits; anything much larger is refused before it is read.</summary>
    public const long MaxBytes = 1_000_000;

    public static void UseRequestBodyLimit(this WebApplication app) => app.Use((http, next) =>
        http.Request.ContentLength > MaxBytes
            ? throw new BadHttpRequestException($"The request body is larger than {MaxBytes} bytes.", StatusCodes.Status413PayloadTooLarge)
            : next(http));
}
