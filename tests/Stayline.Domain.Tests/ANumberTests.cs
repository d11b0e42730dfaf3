using Stayline.Domain.People;

namespace Stayline.Domain.Tests;

public class ANumberTests
{
    [Theory]
    [InlineData("A012-345-678", "012345678")]
    [InlineData("012345678", "012345678")]
    [InlineData("A12345678", "012345678")]
    [InlineData("a 123 456 789", "123456789")]
    public void TryParse_CommonFormats_NormaliseToNineDigits(string text, string digits)
    {
        Assert.True(ANumber.TryParse(text, out var value, out _));
        Assert.Equal(digits, value!.Value.Digits);
    }

    [Theory]
    [InlineData("A1234567", "7 digits")]
    [InlineData("A1234567890", "10 digits")]
    [InlineData("B12345678", "contains \"B\"")]
    [InlineData("", "empty")]
    public void TryParse_BadInput_ExplainsWhy(string text, string fragment)
    {
        Assert.False(ANumber.TryParse(text, out _, out var error));
        Assert.Contains(fragment, error!.ToString());
    }

    [Fact]
    public void Display_FormatsWithDashes() => Assert.Equal("A012-345-678", ANumber.Parse("12345678").Display);
}
