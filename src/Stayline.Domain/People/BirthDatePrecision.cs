namespace Stayline.Domain.People;

public enum BirthDatePrecision
{
    Unknown,
    Exact,
    YearOnly,
    /// <summary>Recorded as 1 January (or another placeholder) because the real day was unknown.</summary>
    SuspectedPlaceholder,
}
