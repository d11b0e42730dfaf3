namespace Stayline.Features.People;

public static class PeopleSetup
{
    /// <summary>People: the prepared-statement reader of the hottest API route (ADR 0002).</summary>
    public static IHostApplicationBuilder AddStaylinePeople(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PersonReader>();
        return builder;
    }
}
