using System.Globalization;

namespace Stayline.Domain.Tests.Protection;

/// <summary>
/// Date literals for the protection tests. The tests count on the real <c>CourtCalendar.Federal</c> (5 U.S.C. 6103(a)
/// holidays and executive-order closures), not on a hand-typed partial list that could miss a closure.
/// </summary>
internal static class TestCourtCalendar
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
