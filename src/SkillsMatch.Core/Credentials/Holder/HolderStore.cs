using Dapper;
using Npgsql;

namespace SkillsMatch.Credentials.Holder;

/// <summary>
/// Every query about who a learner is as a credential holder: the e-mails they verified (or staff set), the DIDs they
/// proved, the one-time codes and presentation challenges on the way there, and the run command's outbox.
/// Every statement is scoped by learner id.
/// </summary>
public sealed class HolderStore(NpgsqlDataSource dataSource)
{
    /// <summary>The learner's verified e-mails and proven DIDs, as the recipient a credential must name to be bound.</summary>
    public async Task<ExpectedRecipient> ExpectedRecipientAsync(Guid learnerId, CancellationToken ct)
    {
        var identities = await IdentitiesAsync(learnerId, ct);
        return new ExpectedRecipient { Emails = identities.Emails, Dids = identities.Dids };
    }

    public async Task<HolderIdentities> IdentitiesAsync(Guid learnerId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition("""
            SELECT lower(email) FROM learners WHERE id = @learnerId AND email_verified AND email IS NOT NULL
            UNION SELECT address FROM learner_emails WHERE learner_id = @learnerId AND verified_at IS NOT NULL;
            SELECT did FROM learner_dids WHERE learner_id = @learnerId ORDER BY proven_at;
            SELECT address FROM learner_emails WHERE learner_id = @learnerId AND verified_at IS NULL ORDER BY created_at;
            """, new { learnerId }, cancellationToken: ct));
        var emails = (await results.ReadAsync<string>()).Order(StringComparer.Ordinal).ToList();
        var dids = (await results.ReadAsync<string>()).ToList();
        var pending = (await results.ReadAsync<string>()).ToList();
        return new HolderIdentities(emails, dids, pending);
    }

    /// <summary>Stores a new code for the address (replacing an older one); false when the last code went out less than <paramref name="resendAfter"/> ago or it is verified.</summary>
    public async Task<bool> SetCodeAsync(Guid learnerId, string address, byte[] codeHash, DateTimeOffset now, DateTimeOffset expires,
        short attempts, TimeSpan resendAfter, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO learner_emails (learner_id, address, code_hash, code_sent_at, code_expires_at, attempts_left)
            VALUES (@learnerId, @address, @codeHash, @now, @expires, @attempts)
            ON CONFLICT (learner_id, address) DO UPDATE
               SET code_hash = excluded.code_hash, code_sent_at = excluded.code_sent_at, code_expires_at = excluded.code_expires_at,
                   attempts_left = excluded.attempts_left
             WHERE learner_emails.verified_at IS NULL
               AND (learner_emails.code_sent_at IS NULL OR learner_emails.code_sent_at <= @resendFrom)
            """, new { learnerId, address, codeHash, now, expires, attempts, resendFrom = now - resendAfter }, cancellationToken: ct)) > 0;
    }

    /// <summary>
    /// Spends one attempt on the address's live code and returns its hash; null when there is no live code (none sent,
    /// expired, attempts used up, already verified).
    /// </summary>
    public async Task<byte[]?> SpendAttemptAsync(Guid learnerId, string address, DateTimeOffset now, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition("""
            UPDATE learner_emails SET attempts_left = attempts_left - 1
             WHERE learner_id = @learnerId AND address = @address AND verified_at IS NULL AND code_hash IS NOT NULL
               AND attempts_left > 0 AND code_expires_at > @now
            RETURNING code_hash
            """, new { learnerId, address, now }, cancellationToken: ct));
    }

    public async Task MarkVerifiedAsync(Guid learnerId, string address, DateTimeOffset now, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE learner_emails SET verified_at = @now, code_hash = NULL, attempts_left = 0
             WHERE learner_id = @learnerId AND address = @address
            """, new { learnerId, address, now }, cancellationToken: ct));
    }

    public async Task AddChallengeAsync(Guid learnerId, string challenge, DateTimeOffset expires, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            DELETE FROM holder_challenges WHERE expires_at < @expires - interval '1 day';
            INSERT INTO holder_challenges (challenge, learner_id, expires_at) VALUES (@challenge, @learnerId, @expires);
            """, new { learnerId, challenge, expires }, cancellationToken: ct));
    }

    /// <summary>Uses the learner's challenge up: true only once, and only while it is live.</summary>
    public async Task<bool> UseChallengeAsync(Guid learnerId, string challenge, DateTimeOffset now, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE holder_challenges SET used_at = @now
             WHERE challenge = @challenge AND learner_id = @learnerId AND used_at IS NULL AND expires_at > @now
            """, new { learnerId, challenge, now }, cancellationToken: ct)) == 1;
    }

    public async Task AddDidAsync(Guid learnerId, string did, string format, DateTimeOffset now, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO learner_dids (learner_id, did, format, proven_at) VALUES (@learnerId, @did, @format, @now)
            ON CONFLICT (learner_id, did) DO UPDATE SET format = excluded.format, proven_at = excluded.proven_at
            """, new { learnerId, did, format, now }, cancellationToken: ct));
    }

    public async Task AddToOutboxAsync(EmailMessage message, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO email_outbox (learner_id, address, subject, body) VALUES (@LearnerId, @Address, @Subject, @Body)", message, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<OutboxEntry>> OutboxAsync(Guid learnerId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<OutboxEntry>(new CommandDefinition("""
            SELECT address, subject, body, created_at AS createdat FROM email_outbox WHERE learner_id = @learnerId ORDER BY id DESC LIMIT 50
            """, new { learnerId }, cancellationToken: ct))).ToList();
    }
}

/// <summary>A learner's identities as a holder: verified e-mails, proven DIDs, and addresses waiting for their code.</summary>
public sealed record HolderIdentities(IReadOnlyList<string> Emails, IReadOnlyList<string> Dids, IReadOnlyList<string> PendingEmails);

/// <summary>A message the service sends, to one learner's address.</summary>
public sealed record EmailMessage(Guid? LearnerId, string Address, string Subject, string Body);

/// <summary>One message in the outbox.</summary>
public sealed record OutboxEntry(string Address, string Subject, string Body, DateTime CreatedAt);
