using SkillsMatch.Demo;

namespace SkillsMatch.Api.Demo;

/// <summary>The demo data the run command loads on first start (Demo:LoadOnStart, on by default; the test host turns it off).</summary>
public static class DemoSetup
{
    public static void AddDemoData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<DemoLoadStore>();
        builder.Services.AddSingleton<DemoLearners>();
        builder.Services.AddSingleton<DemoLoader>();
        if (!options.LoadOnStart) return;
        builder.Services.AddSingleton(_ => DemoDataSet.Read(options.ResolvePath()));
        if (options.PostingsInBackground) builder.Services.AddHostedService<DemoPostingsLoad>();
    }

    /// <summary>
    /// After migrations and the taxonomy, before the keys are printed (so every demo learner gets one): issuers, catalog,
    /// learners and caseload; the postings too unless <see cref="DemoOptions.PostingsInBackground"/>.
    /// </summary>
    public static async Task LoadDemoDataAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DemoOptions>();
        if (!options.LoadOnStart) return;
        await app.Services.GetRequiredService<DemoLoader>().LoadAsync(
            app.Services.GetRequiredService<DemoDataSet>(), deferPostings: options.PostingsInBackground, app.Lifetime.ApplicationStopping);
    }
}
