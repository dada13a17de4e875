using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace SkillsMatch.Api.Errors;

/// <summary>
/// Turns every unhandled exception into an RFC 7807 ProblemDetails. Clients never see a stack trace
/// or an internal message; the log keeps the full exception under the response's traceId.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
                // The framework's message names parameters and .NET types ("Failed to read parameter \"LearnerInput input\"…"):
                // it goes to the log, the client gets our words (issue 15).
                Detail = bad.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => $"The request body is larger than {RequestBodyLimit.MaxBytes} bytes.",
                    StatusCodes.Status415UnsupportedMediaType => "The request body's content type is not one this endpoint reads.",
                    _ => "The request could not be read: the body must be the JSON this endpoint documents, and every parameter must have its documented type.",
                },
            },
            NpgsqlException or TimeoutException when IsDatabaseUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = "The database is not reachable right now. Nothing was changed; retry shortly.",
            },
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Unexpected error",
                Detail = "The server could not complete the request. Quote the traceId when reporting it.",
            },
        };
        if (problem is null) return true;

        if (exception is BadHttpRequestException)
            logger.LogInformation("Request {Method} {Path} refused ({Status}): {Reason}", httpContext.Request.Method, httpContext.Request.Path, problem.Status, exception.Message);
        if (problem.Status >= 500)
            logger.LogError(exception, "Request {Method} {Path} failed ({Status})", httpContext.Request.Method, httpContext.Request.Path, problem.Status);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            httpContext.Response.Headers.RetryAfter = "5";

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static bool IsDatabaseUnavailable(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException } => true,
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" } => true, // admin shutdown, crash shutdown, cannot connect now
        TimeoutException => true,
        _ => false,
    };
}
