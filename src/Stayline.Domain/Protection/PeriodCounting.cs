using Stayline.Domain.Deadlines;

namespace Stayline.Domain.Protection;

/// <summary>"N days after" as the rules count it (8 CFR 1003.38(b); FRAP 26(a)): the shared deadline calculator's counting.</summary>
internal static class PeriodCounting
{
    public static DateOnly DueAfter(DateOnly trigger, int days, ICourtCalendar calendar) =>
        DeadlineCalculator.DueAfter(trigger, days, calendar);
}
