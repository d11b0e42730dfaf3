using Stayline.Domain.Deadlines;

namespace Stayline.Domain.Protection;

/// <summary>
/// "N days after" as the rules count it: leave out the trigger day, count calendar days, and when the last day
/// is not a court day move to the next one (8 CFR 1003.38(b); FRAP 26(a)). Kept private to this folder until
/// the shared deadline calculator lands.
/// </summary>
internal static class PeriodCounting
{
    public static DateOnly DueAfter(DateOnly trigger, int days, ICourtCalendar calendar)
    {
        var due = trigger.AddDays(days);
        for (var moved = 0; !calendar.IsCourtDay(due); moved++)
        {
            // A calendar with no court day for weeks is broken data, not a reason to loop forever.
            if (moved > 60)
            {
                throw new InvalidOperationException("The court calendar has no court day within 60 days after " + ProtectionText.Day(trigger.AddDays(days)));
            }

            due = due.AddDays(1);
        }

        return due;
    }
}
