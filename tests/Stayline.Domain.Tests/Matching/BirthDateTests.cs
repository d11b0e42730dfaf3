using Stayline.Domain.Matching;

namespace Stayline.Domain.Tests.Matching;

public class BirthDateTests
{
    [Theory]
    [InlineData("1975-03-24", "1975-03-24")]
    [InlineData("03/24/1975", "1975-03-24")]
    [InlineData("24/03/1975", "1975-03-24")]
    [InlineData("24.03.1975", "1975-03-24")]
    [InlineData("03/04/1975", "1975-03-04 or 1975-04-03")]
    [InlineData("04/04/1975", "1975-04-04")]
    [InlineData("1975", "1975")]
    [InlineData("1975-00-00", "1975")]
    [InlineData(" 1975-3-4 ", "1975-03-04")]
    [InlineData("", "")]
    public void TryParse_CommonFormats_ReadsEveryReading(string text, string expected)
    {
        Assert.True(BirthDate.TryParse(text, out var date, out var error), error);
        Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData("1975-02-30", "not a calendar date")]
    [InlineData("13/13/1975", "not a calendar date")]
    [InlineData("March 1975", "not a date")]
    [InlineData("1975-03-24T00", "contains \"T\"")]
    [InlineData("75-03-24", "not a date")]
    [InlineData("0975-03-24", "year 975")]
    public void TryParse_BadText_ExplainsWhy(string text, string fragment)
    {
        Assert.False(BirthDate.TryParse(text, out _, out var error));
        Assert.Contains(fragment, error);
        Assert.Contains(text.Trim(), error);
    }

    [Theory]
    [InlineData("1975-03-24", "1975-03-24", BirthDateLevel.Exact)]
    [InlineData("1975-03-24", "03/24/1975", BirthDateLevel.Exact)]
    [InlineData("1975-04-03", "03/04/1975", BirthDateLevel.Exact)] // ambiguous: the day-first reading agrees
    [InlineData("1975-03-12", "1975-12-03", BirthDateLevel.DayMonthSwapped)]
    [InlineData("1975-01-01", "1975-06-15", BirthDateLevel.Placeholder)]
    [InlineData("1975-01-01", "1975-01-01", BirthDateLevel.Placeholder)] // both invented: agree on the year only
    [InlineData("1975", "1975-06-15", BirthDateLevel.YearOnly)]
    [InlineData("1975-06-15", "1976-06-15", BirthDateLevel.Close)]
    [InlineData("1975-06-15", "1965-06-15", BirthDateLevel.Close)] // one digit of the year
    [InlineData("1975-06-24", "1975-05-24", BirthDateLevel.Close)]
    [InlineData("1975-06-15", "1957-06-15", BirthDateLevel.Close)] // the last two digits of the year swapped
    [InlineData("1980-02-28", "1908-02-28", BirthDateLevel.Close)]
    [InlineData("1975-06-12", "1975-06-21", BirthDateLevel.Close)] // the day's digits swapped
    [InlineData("1975-06-15", "1957-06-16", BirthDateLevel.TwoPartsClose)] // a swapped year and a day one off: its own level, weighed by the data
    [InlineData("1975-06-15", "1957-08-16", BirthDateLevel.Different)] // three parts changed
    [InlineData("1975-06-15", "1975-09-28", BirthDateLevel.SameYear)]
    [InlineData("1975-06-15", "1982-02-11", BirthDateLevel.Different)]
    [InlineData("1975", "1976", BirthDateLevel.Different)]
    [InlineData("", "1975-06-15", BirthDateLevel.Missing)]
    public void Compare_Pairs_GiveLevel(string a, string b, BirthDateLevel expected)
    {
        BirthDate.TryParse(a, out var x, out _);
        BirthDate.TryParse(b, out var y, out _);
        Assert.Equal(expected, BirthDate.Compare(x, y));
        Assert.Equal(expected, BirthDate.Compare(y, x));
    }
}
