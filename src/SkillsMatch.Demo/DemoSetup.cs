using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SkillsMatch.Demo;

/// <summary>The demo data the run command loads on first start (Demo:LoadOnStart, on by default; the test host turns it off).</summary>
public static class DemoSetup
{
    /// <summary>After <c>AddSkillsMatch</c>, so the demo loads once the database and the taxonomy are ready.</summary>
    public static IHostApplicationBuilder AddDemoData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DemoOptions>().BindConfiguration("Demo").ValidateOnStart();
        services.AddSingleton<DemoLoadStore>();
        services.AddSingleton<DemoLearners>();
        services.AddSingleton<DemoLoader>();
        services.AddSingleton<DemoKeys>();
        services.AddSingleton(s => DemoDataSet.Read(s.GetRequiredService<IOptions<DemoOptions>>().Value.ResolvePath()));
        services.AddHostedService<DemoLoad>();
        services.AddHostedService<DemoPostingsLoad>();
        return builder;
    }
}

/// <summary>
/// Before the host takes requests, after migrations and the taxonomy and before the keys are printed (so every demo
/// learner gets one): issuers, catalog, learners and caseload; the postings too unless <see cref="DemoOptions.PostingsInBackground"/>.
/// </summary>
internal sealed class DemoLoad(IServiceProvider services, IOptions<DemoOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.LoadOnStart) return;
        await services.GetRequiredService<DemoLoader>().LoadAsync(
            services.GetRequiredService<DemoDataSet>(), deferPostings: options.Value.PostingsInBackground, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
