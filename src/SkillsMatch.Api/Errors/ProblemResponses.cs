namespace SkillsMatch.Api.Errors;

/// <summary>
/// The error responses an endpoint can answer, declared as endpoint metadata so that /openapi/v1.json lists each
/// one with the RFC 7807 ProblemDetails schema (a handler's <c>ProblemHttpResult</c> says nothing to OpenAPI).
/// The access conventions (<c>RequireRoles</c>, <c>RequireLearnerAccess</c>, <c>RequireOwnerOf</c>) declare their
/// own 403 and 404; the rest is declared here, on each feature's group or endpoint.
/// </summary>
public static class ProblemResponses
{
    /// <summary>
    /// What any endpoint can answer, whatever it does: 401 (a presented key that is wrong or revoked is refused
    /// everywhere, public endpoints included), 429 (the global rate limiter) and 503 (the database is unreachable,
    /// see <see cref="ProblemExceptionHandler"/>).
    /// </summary>
    public static TBuilder ProducesCommonProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable);

    /// <summary>
    /// An endpoint that reads a body: 400 with an <c>errors</c> member naming each wrong field (built-in validation of the
    /// annotated request record, or the handler's own checks) and 413 above <see cref="RequestBodyLimit.MaxBytes"/>.
    /// </summary>
    public static TBuilder ProducesBodyProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses) builder.ProducesProblem(status);
        return builder;
    }
}
