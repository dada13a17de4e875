using SkillsMatch.Taxonomy;
using Spectre.Console;

namespace SkillsMatch.Cli;

/// <summary>
/// A long import's progress on stderr, so stdout keeps only the result: a live bar when stderr is a terminal,
/// else (a log file, CI) one plain line per hundredth of the work.
/// </summary>
public static class ImportProgressDisplay
{
    public static async Task<T> RunAsync<T>(string stage, Func<IProgress<ImportProgress>, Task<T>> work)
    {
        if (Console.IsErrorRedirected)
        {
            var lastPercent = -1L;
            return await work(new Synchronous(p =>
            {
                var percent = p.Total is > 0 and var total ? 100 * p.Done / total : 0;
                if (percent <= lastPercent) return;
                lastPercent = percent;
                Console.Error.WriteLine($"{stage}: {p.Done} of {p.Total} lines ({percent} %)");
            }));
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        await console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(stage));
                result = await work(new Synchronous(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total ?? 1);
                    task.Value = p.Done;
                }));
                task.Value = task.MaxValue;
            });
        return result;
    }

    private sealed class Synchronous(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
