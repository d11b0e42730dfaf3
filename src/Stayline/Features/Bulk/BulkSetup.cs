namespace Stayline.Features.Bulk;

public static class BulkSetup
{
    /// <summary>Actions on many people at once (record an event, transfer, assign, add to a class, export).</summary>
    public static IHostApplicationBuilder AddStaylineBulk(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<BulkActions>();
        builder.Services.AddScoped<BulkUndo>();
        return builder;
    }
}
