using Stayline.Features.Dashboard;

namespace Stayline.Features.Documents;

public static class DocumentsRegistration
{
    /// <summary>Templates and drafting, reports and exports, and the dashboard's data sources.</summary>
    public static IHostApplicationBuilder AddStaylineDocuments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DocumentService>();
        builder.Services.AddScoped<IDashboardSignals, Dashboard.StoredDashboardSignals>();
        return builder;
    }
}
