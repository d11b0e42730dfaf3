namespace Stayline.Features.Review;

public static class ReviewSetup
{
    /// <summary>The queue of possible duplicates and imported rows waiting for a decision.</summary>
    public static IHostApplicationBuilder AddStaylineReview(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReviewService>();
        builder.Services.AddSingleton<LearnedContexts>();
        builder.Services.AddSingleton<DuplicateRuns>();
        builder.Services.AddHostedService<DuplicatesWarmup>();
        return builder;
    }
}
