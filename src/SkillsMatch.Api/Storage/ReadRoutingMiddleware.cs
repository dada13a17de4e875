using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Npgsql;
using SkillsMatch.Api.Errors;
using SkillsMatch.Storage;

namespace SkillsMatch.Api.Storage;

/// <summary>
/// With hot standbys configured (ConnectionStrings:SkillsMatchReads): remembers each acknowledged write's WAL position
/// for its caller and learner, so their next reads wait for a standby that has replayed it (read-your-writes), and
/// answers a read that failed because its standby went away by retrying it once on fresh connections.
/// </summary>
public static partial class ReadRoutingMiddleware
{
    private static readonly Meter Meter = new(ReadRouting.MeterName);
    private static readonly Counter<long> RetriedReads = Meter.CreateCounter<long>("skillsmatch.db.retried_reads",
        description: "Read requests retried once after their database connection failed (a standby went away)");

    public static void UseReadRouting(this WebApplication app)
    {
        var routing = app.Services.GetRequiredService<ReadRouting>();
        if (!routing.HasStandbys) return;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReadRoutingMiddleware));
        app.Use(async (http, next) =>
        {
            var parties = Parties(http);
            if (IsRead(http.Request))
            {
                routing.RequireReplayed(parties);
                http.Request.EnableBuffering();
                try
                {
                    await next(http);
                }
                catch (Exception exception) when (IsStandbyFailure(exception) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
                {
                    logger.LogWarning("Read {Method} {Path} lost its database connection ({Error}); retrying once", http.Request.Method, http.Request.Path, exception.Message);
                    RetriedReads.Add(1);
                    routing.ForgetIdleStandbyConnections();
                    http.Request.Body.Position = 0;
                    await next(http);
                }
                return;
            }
            await next(http);
            if (http.Response.StatusCode < 400 && parties.Count > 0)
            {
                try { await routing.RememberWriteAsync(parties, http.RequestAborted); }
                catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException)
                {
                    // The write itself was acknowledged; without its position the caller may read a lagging standby.
                    logger.LogWarning("Could not read the primary's WAL position after a write: {Error}", exception.Message);
                }
            }
        });
    }

    /// <summary>GET and HEAD, and the candidate search, which is a POST only because its query is a body.</summary>
    private static bool IsRead(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
        || (HttpMethods.IsPost(request.Method) && request.Path.Equals("/candidates/search", StringComparison.OrdinalIgnoreCase));

    private static bool IsStandbyFailure(Exception exception) =>
        ProblemExceptionHandler.IsDatabaseUnavailable(exception)
        || exception is PostgresException { SqlState: "40001" }; // a standby cancelled the query for a conflict with recovery

    /// <summary>Who a request reads or writes for: the key that sent it, its learner, and the learner in its path.</summary>
    private static List<string> Parties(HttpContext http)
    {
        var parties = new List<string>(3);
        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } key) parties.Add("key:" + key);
        if (http.User.FindFirstValue(SkillsMatch.Access.Caller.LearnerClaim) is { } learner) parties.Add("learner:" + learner);
        if (LearnerPath().Match(http.Request.Path.Value ?? "") is { Success: true } match) parties.Add("learner:" + match.Groups[1].Value.ToLowerInvariant());
        return parties;
    }

    [GeneratedRegex("^/learners/([0-9a-fA-F-]{36})(/|$)")]
    private static partial Regex LearnerPath();
}
