using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SkillsMatch.Credentials.Storage;

/// <summary>
/// Re-verifies stored credentials whose next check is due (every <see cref="CredentialRecheckOptions.Interval"/>, and at
/// the moment one expires), so a revocation, suspension, expiry or change of issuer trust re-tiers the learner's skills
/// without anyone asking. Each pass takes the most overdue first; the first pass runs one poll interval after start.
/// </summary>
public sealed class ScheduledReverification(
    LearnerCredentials credentials, LearnerCredentialStore store, CredentialRecheckOptions options, TimeProvider time,
    ILogger<ScheduledReverification> logger) : BackgroundService
{
    /// <summary>One pass: re-verifies up to <see cref="CredentialRecheckOptions.BatchSize"/> due credentials; returns how many.</summary>
    public async Task<int> RunPassAsync(CancellationToken ct)
    {
        var due = await store.DueAsync(time.GetUtcNow(), options.BatchSize, ct);
        var done = 0;
        foreach (var credential in due)
        {
            try
            {
                if (await credentials.ReverifyAsync(credential.LearnerId, credential.Id, ct) is not null) done++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One credential failing (a database hiccup, a taxonomy not loaded) must not stop the others.
                logger.LogWarning(e, "Re-verifying credential {CredentialId} failed; it stays due", credential.Id);
            }
        }
        if (done > 0) logger.LogInformation("Re-verified {Count} due credential(s)", done);
        return done;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        using var timer = new PeriodicTimer(options.PollEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The scheduled credential re-verification pass failed; retrying at the next interval");
            }
        }
    }
}
