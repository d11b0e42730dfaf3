namespace Stayline.Domain.Deadlines;

/// <summary>Which days a court (or an agency) is open for filing.</summary>
public interface ICourtCalendar
{
    /// <summary>False on Saturdays, Sundays, legal holidays (observed days) and closures.</summary>
    bool IsCourtDay(DateOnly day);
}
