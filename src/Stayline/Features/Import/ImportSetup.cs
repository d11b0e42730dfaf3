namespace Stayline.Features.Import;

public static class ImportSetup
{
    /// <summary>Imports of lists: preview, jobs (read from the database, so any node shows progress), undo, the upload limit.</summary>
    public static IHostApplicationBuilder AddStaylineImport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ImportService>();
        builder.Services.AddScoped<ImportUndo>();
        builder.Services.AddScoped<ImportHeld>();
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddTransient<IStartupFilter, UploadLimit>();
        return builder;
    }
}
