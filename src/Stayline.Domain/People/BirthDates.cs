namespace Stayline.Domain.People;

public static class BirthDates
{
    /// <summary>
    /// 1 January is what agencies write when only the year is known; flag it so that matching and
    /// drafting treat the day and month as unreliable.
    /// </summary>
    public static BirthDatePrecision Infer(DateOnly? date, BirthDatePrecision stated) =>
        date is null ? BirthDatePrecision.Unknown
        : stated == BirthDatePrecision.Exact && date.Value is { Month: 1, Day: 1 } ? BirthDatePrecision.SuspectedPlaceholder
        : stated;
}
