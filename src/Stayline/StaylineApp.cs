using Stayline.Data;
using Stayline.Features.Board;
using Stayline.Features.Bond;
using Stayline.Features.Bulk;
using Stayline.Features.Classes;
using Stayline.Features.Custody;
using Stayline.Features.Dashboard;
using Stayline.Features.Deadlines;
using Stayline.Features.Documents;
using Stayline.Features.Facilities;
using Stayline.Features.Habeas;
using Stayline.Features.Health;
using Stayline.Features.Hearings;
using Stayline.Features.Hotline;
using Stayline.Features.Import;
using Stayline.Features.Intake;
using Stayline.Features.Matters;
using Stayline.Features.Organisations;
using Stayline.Features.People;
using Stayline.Features.Protection;
using Stayline.Features.Records;
using Stayline.Features.Relief;
using Stayline.Features.Review;
using Stayline.Infrastructure;

namespace Stayline;

/// <summary>
/// The composition root shared by the web server and the command line: one line per capability.
/// (Program.cs only hands the arguments to the command line, whose `serve` command calls this.)
/// </summary>
public static class StaylineApp
{
    public static WebApplicationBuilder CreateBuilder(string? database, string[]? args = null)
    {
        OwnerOnlyFiles.Apply();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            // Pages are found in this assembly whichever process hosts it (the CLI, a test runner, a benchmark).
            ApplicationName = typeof(StaylineApp).Assembly.GetName().Name,
            // Views are compiled into the assembly; static files are copied next to it.
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        if (database is not null)
        {
            builder.Configuration[StaylineDatabase.ConfigurationKey] = database;
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStaylineDatabase();
        builder.AddStaylineAuth();
        builder.AddTrustedProxy();
        builder.AddStaylinePages();
        builder.AddStaylineLocalization();
        builder.AddReadAudit();
        builder.AddStaylineApi();
        builder.AddStaylinePeople();
        builder.AddStaylineDocuments();
        builder.AddStaylineDashboard();
        builder.AddStaylineProtection();
        builder.AddStaylineDeadlines();
        builder.AddStaylineHabeas();
        builder.AddStaylineBoard();
        builder.AddStaylineImport();
        builder.AddStaylineBulk();
        builder.AddStaylineReview();
        builder.AddStaylineHotline();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Stayline API";
            doc.Info.Description = "People, custody and matters. Authenticate with `Authorization: Bearer TOKEN` (./stayline token create).";
            OpenApiBearer.Declare(doc);
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseTrustedProxy();
        app.UseStaylineErrors();
        app.UseStaylineSecurityHeaders();
        app.UseStaticFiles();
        app.UseStaylineLocalization();
        app.UseRouting();
        app.UseHotlineGuard();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealth();
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapPeopleApi();
        app.MapSharesApi();
        app.MapConflictsApi();
        app.MapCustodyApi();
        app.MapMattersApi();
        app.MapHistoryApi();
        app.MapClassesApi();
        app.MapReliefApi();
        app.MapBondApi();
        app.MapFacilitiesApi();
        app.MapProtectionApi();
        app.MapDeadlinesApi();
        app.MapHabeasApi();
        app.MapBoardApi();
        app.MapHearingsApi();
        app.MapRecordsApi();
        app.MapIntakeApi();
        return app;
    }
}
