using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SkillsMatch.Access;
using SkillsMatch.Storage;

namespace SkillsMatch.Cli;

/// <summary><c>skillsmatch keys create|list|revoke</c>: API keys, stored hashed; a new key's secret is printed once.</summary>
public static class KeyCommands
{
    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = "admin, practitioner, employer, learner or issuer", Required = true };
        var learner = new Option<Guid?>("--learner") { Description = "For a learner key: the learner's id" };
        var subject = new Option<string?>("--subject") { Description = "Practitioner or employer name; an issuer's URI" };
        var label = new Option<string?>("--label") { Description = "A note shown in lists" };
        var create = new Command("create", "Create a key and print its secret (shown once; only a hash is stored).") { role, learner, subject, label };
        create.SetAction(async (parse, ct) =>
        {
            if (!Roles.TryParse(parse.GetValue(role), out var parsedRole))
                throw new CliException($"unknown role '{parse.GetValue(role)}' (admin, practitioner, employer, learner, issuer)");
            var request = new NewApiKey(parsedRole, parse.GetValue(learner), parse.GetValue(subject), parse.GetValue(label));
            if ((parsedRole == Role.Learner) != (request.LearnerId is not null))
                throw new CliException(parsedRole == Role.Learner ? "a learner key needs --learner ID" : "only a learner key takes --learner");
            if (parsedRole is Role.Practitioner or Role.Employer or Role.Issuer && string.IsNullOrWhiteSpace(request.Subject))
                throw new CliException($"a {parsedRole.Name()} key needs --subject");
            using var host = await SkillsMatchCli.HostAsync(parse, ct);
            try
            {
                var created = await host.Services.GetRequiredService<ApiKeyStore>().CreateAsync(request, ct);
                Console.WriteLine(created.Secret);
                await Console.Error.WriteLineAsync($"key {created.Key.Id} ({parsedRole.Name()}) created; the secret above is shown only once.");
                return 0;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                throw new CliException($"there is no learner {request.LearnerId}");
            }
        });

        var all = new Option<bool>("--all") { Description = "Include revoked keys" };
        var list = new Command("list", "Keys with prefix, role, subject, label and dates (never a secret).") { all };
        list.SetAction(async (parse, ct) =>
        {
            using var host = await SkillsMatchCli.HostAsync(parse, ct);
            foreach (var key in await host.Services.GetRequiredService<ApiKeyStore>().ListAsync(parse.GetValue(all), 10_000, ct))
                Console.WriteLine(string.Join('\t', key.Id, "sm_" + key.Prefix + "_…", key.Role.Name(),
                    key.LearnerId?.ToString() ?? key.Subject ?? "-", key.Label ?? "-", $"created {key.CreatedAt:u}",
                    key.RevokedAt is { } revoked ? $"revoked {revoked:u}" : key.LastUsedAt is { } used ? $"used {used:u}" : "never used"));
            return 0;
        });

        var id = new Argument<Guid>("ID") { Description = "The key's id (from keys list)" };
        var revoke = new Command("revoke", "Revoke a key. A running API stops accepting it within a second.") { id };
        revoke.SetAction(async (parse, ct) =>
        {
            using var host = await SkillsMatchCli.HostAsync(parse, ct);
            var key = await host.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(parse.GetValue(id), ct) ?? throw new CliException($"there is no key {parse.GetValue(id)}");
            Console.WriteLine($"key {key.Id} revoked at {key.RevokedAt:u}");
            return 0;
        });

        var keys = new Command("keys", "API keys for the HTTP API.");
        keys.Subcommands.Add(create);
        keys.Subcommands.Add(list);
        keys.Subcommands.Add(revoke);
        return keys;
    }

}
