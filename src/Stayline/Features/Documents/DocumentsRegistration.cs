namespace Stayline.Features.Documents;

public static class DocumentsRegistration
{
    /// <summary>Templates and drafting, reports and exports.</summary>
    public static IHostApplicationBuilder AddStaylineDocuments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DocumentService>();
        return builder;
    }
}
