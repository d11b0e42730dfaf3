namespace Stayline.Domain.Deadlines;

/// <summary>Where a filing is made; it decides which holidays and closures count for its deadline.</summary>
public enum Forum
{
    /// <summary>Not tied to one forum (e.g. a class order's motion deadline): closures for all courts only.</summary>
    Unspecified,
    ImmigrationCourt,
    /// <summary>The Board of Immigration Appeals (Falls Church, Virginia).</summary>
    Board,
    CourtOfAppeals,
}

/// <summary>Which days a court (or an agency) is open for filing.</summary>
public interface ICourtCalendar
{
    /// <summary>False on Saturdays, Sundays, legal holidays (observed days) and closures.</summary>
    bool IsCourtDay(DateOnly day);

    /// <summary>
    /// The calendar for filings in <paramref name="forum"/>. A calendar that knows no forums answers for all of them.
    /// </summary>
    ICourtCalendar For(Forum forum) => this;
}
