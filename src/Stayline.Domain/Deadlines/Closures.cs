namespace Stayline.Domain.Deadlines;

/// <summary>Identifies one court (or agency office) for closures, e.g. "eoir-detroit" or "ca6". Compared ignoring case.</summary>
public readonly record struct CourtId
{
    public CourtId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim().ToLowerInvariant();
    }

    public string Value { get; }

    /// <summary>The Board of Immigration Appeals: its own calendar adds Inauguration Day (5 U.S.C. 6103(c)).</summary>
    public static CourtId Board { get; } = new("bia");

    public override string ToString() => Value;
}

/// <summary>A day a court was closed (weather, outage...), for one court or, when <see cref="Court"/> is null, for all.</summary>
public sealed record CourtClosure(DateOnly Date, CourtId? Court, string Reason)
{
    public bool AppliesTo(CourtId? court) => Court is null || Court == court;
}

/// <summary>Days federal agencies were closed by executive order (FRAP 26(a)(6)(B): "any day declared a holiday by the President").</summary>
public static class ExecutiveOrderClosures
{
    /// <summary>Shipped as data; add a line here when a new order closes the government.</summary>
    public static IReadOnlyList<(DateOnly Date, string Reason)> All { get; } =
    [
        (new DateOnly(2001, 12, 24), "Christmas Eve, closed by executive order"),
        (new DateOnly(2007, 1, 2), "National day of mourning for President Gerald R. Ford, closed by executive order"),
        (new DateOnly(2007, 12, 24), "Christmas Eve, closed by executive order"),
        (new DateOnly(2012, 12, 24), "Christmas Eve, closed by executive order"),
        (new DateOnly(2014, 12, 26), "Day after Christmas, closed by executive order"),
        (new DateOnly(2018, 12, 5), "National day of mourning for President George H. W. Bush, closed by executive order"),
        (new DateOnly(2018, 12, 24), "Christmas Eve, closed by executive order"),
        (new DateOnly(2019, 12, 24), "Christmas Eve, closed by executive order"),
        (new DateOnly(2020, 12, 24), "Christmas Eve, closed by executive order"),
        (new DateOnly(2024, 12, 24), "Christmas Eve, closed by executive order"),
        (new DateOnly(2025, 1, 9), "National day of mourning for President Jimmy Carter, closed by executive order"),
        (new DateOnly(2025, 12, 24), "Christmas Eve, closed by executive order"),
        (new DateOnly(2025, 12, 26), "Day after Christmas, closed by executive order"),
    ];
}
