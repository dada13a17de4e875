using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Spectre.Console;
using SkillsMatch.Credentials.Trust;
using SkillsMatch.Storage;

namespace SkillsMatch.Cli;

/// <summary><c>skillsmatch issuers add|list|show|trust|distrust|remove</c>: the issuer trust registry.</summary>
public static class IssuerCommands
{
    public static Command Create()
    {
        var issuers = new Command("issuers", "The issuer trust registry: which credential issuers are trusted, and their quality assurance.");
        issuers.Subcommands.Add(Add());
        issuers.Subcommands.Add(List());
        issuers.Subcommands.Add(Show());
        issuers.Subcommands.Add(SetTrust("trust", true, "Trust an issuer: its authentic, valid credentials make skills credential-verified."));
        issuers.Subcommands.Add(SetTrust("distrust", false, "Stop trusting an issuer: its credentials' skills become attested."));
        issuers.Subcommands.Add(Remove());
        return issuers;
    }

    private static Command Add()
    {
        var uri = new Argument<string>("issuer") { Description = "The issuer.id credentials carry: a DID or an https URL" };
        var name = new Option<string>("--name") { Description = "The issuer's name", Required = true };
        var trusted = new Option<bool>("--trusted") { Description = "Trust it now (default: registered but not trusted)" };
        var body = new Option<string?>("--accrediting-body") { Description = "Who accredits or reviews the issuer" };
        var framework = new Option<string?>("--framework") { Description = "Quality framework, e.g. \"Ontario Micro-credentials Framework\"" };
        var review = new Option<string?>("--last-review") { Description = "Date of the last quality review (yyyy-mm-dd)" };
        var notes = new Option<string?>("--notes") { Description = "Free-text notes" };
        var command = new Command("add", "Register an issuer.") { uri, name, trusted, body, framework, review, notes };
        command.SetAction(async (parse, ct) =>
        {
            var issuerUri = parse.GetValue(uri)!.Trim();
            if (IssuerDetails.UriProblem(issuerUri) is { } problem) throw new CliException(problem);
            var issuerName = parse.GetValue(name)!.Trim();
            if (issuerName.Length == 0) throw new CliException("--name is empty");
            DateOnly? lastReview = null;
            if (parse.GetValue(review) is { } date)
                lastReview = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : throw new CliException($"--last-review '{date}' is not a date (yyyy-mm-dd)");
            using var host = await SkillsMatchCli.HostAsync(parse, ct);
            try
            {
                var issuer = await host.Services.GetRequiredService<IssuerRegistry>().AddAsync(
                    new IssuerDetails(issuerUri, issuerName, parse.GetValue(trusted), parse.GetValue(body), parse.GetValue(framework), lastReview, parse.GetValue(notes)), ct);
                Console.WriteLine($"added {issuer.Id} {issuer.IssuerUri} ({(issuer.Trusted ? "trusted" : "not trusted")})");
                return 0;
            }
            catch (DuplicateIssuerException e)
            {
                throw new CliException(e.Message);
            }
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the registered issuers.");
        command.SetAction(async (parse, ct) =>
        {
            using var host = await SkillsMatchCli.HostAsync(parse, ct);
            var table = new Table().AddColumns("id", "issuer", "name", "trusted", "framework", "last review");
            foreach (var i in await host.Services.GetRequiredService<IssuerRegistry>().ListAsync(ct))
                table.AddRow($"{i.Id}", Markup.Escape(i.IssuerUri), Markup.Escape(i.Name), i.Trusted ? "yes" : "no",
                    Markup.Escape(i.Framework ?? ""), i.LastReview?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var reference = Reference();
        var command = new Command("show", "Show one issuer.") { reference };
        command.SetAction(async (parse, ct) =>
        {
            using var host = await SkillsMatchCli.HostAsync(parse, ct);
            var issuer = await FindAsync(host.Services.GetRequiredService<IssuerRegistry>(), parse.GetValue(reference)!, ct);
            Console.WriteLine($"id: {issuer.Id}");
            Console.WriteLine($"issuer: {issuer.IssuerUri}");
            Console.WriteLine($"name: {issuer.Name}");
            Console.WriteLine($"trusted: {(issuer.Trusted ? "yes" : "no")}");
            Console.WriteLine($"accrediting body: {issuer.AccreditingBody}");
            Console.WriteLine($"framework: {issuer.Framework}");
            Console.WriteLine($"last review: {issuer.LastReview?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            Console.WriteLine($"notes: {issuer.Notes}");
            return 0;
        });
        return command;
    }

    private static Command SetTrust(string verb, bool trusted, string description) =>
        OnIssuer(verb, description, async (registry, issuer, ct) =>
        {
            await registry.SetTrustedAsync(issuer.Id, trusted, ct);
            return $"{issuer.IssuerUri} is {(trusted ? "trusted" : "not trusted")}; its credentials are re-checked on the next pass";
        });

    private static Command Remove() =>
        OnIssuer("remove", "Remove an issuer from the registry.", async (registry, issuer, ct) =>
        {
            await registry.DeleteAsync(issuer.Id, ct);
            return $"removed {issuer.IssuerUri}";
        });

    /// <summary>A command on one registered issuer (by id or URI) that prints what it did.</summary>
    private static Command OnIssuer(string verb, string description, Func<IssuerRegistry, Issuer, CancellationToken, Task<string>> act)
    {
        var reference = Reference();
        var command = new Command(verb, description) { reference };
        command.SetAction(async (parse, ct) =>
        {
            using var host = await SkillsMatchCli.HostAsync(parse, ct);
            var registry = host.Services.GetRequiredService<IssuerRegistry>();
            Console.WriteLine(await act(registry, await FindAsync(registry, parse.GetValue(reference)!, ct), ct));
            return 0;
        });
        return command;
    }

    private static Argument<string> Reference() => new("issuer") { Description = "The issuer's id or its issuer URI (DID or URL)" };

    private static async Task<Issuer> FindAsync(IssuerRegistry registry, string reference, CancellationToken ct) =>
        await registry.FindByIdOrUriAsync(reference.Trim(), ct) ?? throw new CliException($"no issuer '{reference}' is registered");

}
