namespace Stayline.Infrastructure;

/// <summary>Today's date in the team's calendar; all legal dates are DateOnly.</summary>
public static class Clock
{
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
