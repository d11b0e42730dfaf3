using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Stayline.Tests.Infrastructure;

/// <summary>Days for tests about dates, on <see cref="FakeTimeProvider"/>: the clock stands at noon UTC, so a
/// day never slips across midnight when the app turns the instant into a court date.</summary>
public static class TestClock
{
    public static FakeTimeProvider At(string day) => new(Noon(day));

    /// <summary>Moves the clock forward to noon of the day (a FakeTimeProvider never goes back).</summary>
    public static void MoveTo(this FakeTimeProvider clock, string day) => clock.SetUtcNow(Noon(day));

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Noon(string day) => new(D(day).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
