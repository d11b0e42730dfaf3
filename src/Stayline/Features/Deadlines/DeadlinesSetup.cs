namespace Stayline.Features.Deadlines;

public static class DeadlinesSetup
{
    /// <summary>Deadline reminders by email (or the outbox folder).</summary>
    public static IHostApplicationBuilder AddStaylineDeadlines(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection(ReminderOptions.Section));
        builder.Services.AddSingleton<ReminderSender>();
        builder.Services.AddHostedService<ReminderService>();
        return builder;
    }

    /// <summary>The calendar feed answers without a cookie: the secret in its address is the credential.</summary>
    public static IEndpointRouteBuilder MapDeadlinesApi(this IEndpointRouteBuilder app)
    {
        app.MapCalendarFeed();
        return app;
    }
}
