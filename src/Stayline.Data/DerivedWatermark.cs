namespace Stayline.Data;

/// <summary>
/// One row (Id 1): the day of the last full recompute. Every protection row stored then was confirmed for that day,
/// so a row answers for the later of its own <see cref="PersonProtection.ComputedAsOf"/> and this day.
/// </summary>
public sealed class DerivedWatermark
{
    public int Id { get; set; }
    public DateOnly AllComputedAsOf { get; set; }
}
