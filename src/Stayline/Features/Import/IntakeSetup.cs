namespace Stayline.Features.Import;

public static class IntakeSetup
{
    /// <summary>Import, review of possible duplicates and bulk actions.</summary>
    public static IHostApplicationBuilder AddStaylineIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ImportService>();
        builder.Services.AddScoped<ImportUndo>();
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddTransient<IStartupFilter, UploadLimit>();
        builder.Services.AddScoped<Bulk.BulkActions>();
        builder.Services.AddScoped<Review.ReviewService>();
        return builder;
    }
}
