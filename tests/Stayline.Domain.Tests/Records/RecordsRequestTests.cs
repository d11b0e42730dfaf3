using Stayline.Domain.Custody;
using Stayline.Domain.Records;

namespace Stayline.Domain.Tests.Records;

public class RecordsRequestTests
{
    private static readonly DateOnly Today = new(2027, 3, 1);

    private static RecordsRequest Request(string requested, string? received = null, RecordsChannel channel = RecordsChannel.Foia, bool unusual = false,
        RecordsStatus status = RecordsStatus.Requested, string? producedOn = null, string? produceBy = null, RecordKind kind = RecordKind.AFile)
    {
        var (r, errors) = RecordsRequest.Create(1, new RecordsRequestInput(kind, channel, RecordsAgency.Uscis, DateOnly.Parse(requested), status, null,
            received is null ? null : DateOnly.Parse(received), unusual, produceBy is null ? null : DateOnly.Parse(produceBy),
            producedOn is null ? null : DateOnly.Parse(producedOn)), Today);
        Assert.Empty(errors);
        return r!;
    }

    // Worked by hand: 20 working days after the agency's receipt, skipping Saturdays, Sundays and legal public holidays
    // (5 U.S.C. 552(a)(6)(A)(i), 6103(a)); 30 after written notice of unusual circumstances ((a)(6)(B)(i)).
    [Theory]
    // Mon 2017-07-03; Tue 07-04 Independence Day is skipped: 07-05..07-31 are working days 1-19, Tue 08-01 the 20th.
    [InlineData("2017-07-03", null, false, "2017-08-01")]
    // Fri 2026-12-18: 12-21..12-24 are 1-4, Fri 12-25 Christmas skipped, 12-28..12-31 are 5-8, Fri 2027-01-01 skipped,
    // 01-04..01-15 are 9-18, Mon 01-18 Martin Luther King Jr. Day skipped, 01-19 and 01-20 are 19-20.
    [InlineData("2026-12-18", null, false, "2027-01-20")]
    // The same with the extension: ten more working days after 01-20: 01-21..02-03.
    [InlineData("2026-12-18", null, true, "2027-02-03")]
    // Counted from the agency's receipt when it is recorded: sent Wed 2026-12-16, received Fri 12-18.
    [InlineData("2026-12-16", "2026-12-18", false, "2027-01-20")]
    // Year end: received Thu 2026-12-31: 2027-01-04..01-15 are 1-10, 01-19..01-29 are 11-19 (MLK Day skipped), Mon 02-01 the 20th.
    [InlineData("2026-12-31", null, false, "2027-02-01")]
    public void StatutoryResponseDue_Foia_TwentyWorkingDaysAfterReceipt(string requested, string? received, bool unusual, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Request(requested, received, unusual: unusual).StatutoryResponseDue);

    [Theory]
    [InlineData(RecordsChannel.Ecas)]
    [InlineData(RecordsChannel.CourtOrder)]
    [InlineData(RecordsChannel.Other)]
    public void StatutoryResponseDue_NotFoia_None(RecordsChannel channel) =>
        Assert.Null(Request("2026-12-18", channel: channel).StatutoryResponseDue);

    [Theory]
    // The court's date is the earlier of the request's own and the class order's.
    [InlineData("2017-08-21", null, "2017-08-21")]
    [InlineData(null, "2017-08-21", "2017-08-21")]
    [InlineData("2017-08-14", "2017-08-21", "2017-08-14")]
    [InlineData("2017-08-28", "2017-08-21", "2017-08-21")]
    public void CourtDue_EarlierOfOwnAndClassDate(string? own, string? classOrder, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Request("2017-07-25", produceBy: own).CourtDue(classOrder is null ? null : DateOnly.Parse(classOrder)));

    [Theory]
    // Produced on the ordered day: complied. A day later: not.
    [InlineData(RecordsStatus.Produced, "2017-08-21", "2017-09-30", false)]
    [InlineData(RecordsStatus.Produced, "2017-08-22", "2017-09-30", true)]
    // Still owed: complied through the ordered day, not the day after.
    [InlineData(RecordsStatus.Acknowledged, null, "2017-08-21", false)]
    [InlineData(RecordsStatus.Acknowledged, null, "2017-08-22", true)]
    // Produced in part by the date is not production: the rest is still owed.
    [InlineData(RecordsStatus.ProducedInPart, "2017-08-10", "2017-08-22", true)]
    public void IsNoncompliant_AgainstTheCourtsDate(RecordsStatus status, string? producedOn, string today, bool expected)
    {
        var (r, errors) = RecordsRequest.Create(1, new RecordsRequestInput(RecordKind.AFile, RecordsChannel.CourtOrder, RecordsAgency.Uscis, new DateOnly(2017, 7, 25),
            status, ProducedOn: producedOn is null ? null : DateOnly.Parse(producedOn)), Today);
        Assert.Empty(errors);
        Assert.Equal(expected, r!.IsNoncompliant(new DateOnly(2017, 8, 21), DateOnly.Parse(today)));
    }

    [Fact]
    public void IsNoncompliant_NoCourtDate_Never() =>
        Assert.False(Request("2017-07-25").IsNoncompliant(null, new DateOnly(2030, 1, 1)));

    [Theory]
    [InlineData(RecordKind.AFile, RecordsStatus.Produced, PersonEventKind.AFileReceived)]
    [InlineData(RecordKind.RecordOfProceedings, RecordsStatus.Produced, PersonEventKind.RecordOfProceedingsReceived)]
    [InlineData(RecordKind.AFile, RecordsStatus.ProducedInPart, null)]
    [InlineData(RecordKind.Other, RecordsStatus.Produced, null)]
    public void ReceiptEvent_OnlyFullProductionOfAFileOrRop(RecordKind kind, RecordsStatus status, PersonEventKind? expected)
    {
        var r = Request("2017-07-25", kind: kind, status: status, producedOn: "2017-08-14");
        Assert.Equal(expected, r.ReceiptEvent?.Kind);
        Assert.Equal(expected is null ? null : new DateOnly(2017, 8, 14), r.ReceiptEvent?.On);
    }

    [Theory]
    [InlineData(RecordsStatus.Produced, null, RecordsChannel.Foia, false, "ProducedOn", "Give the day the records were produced")]
    [InlineData(RecordsStatus.Requested, "2017-08-14", RecordsChannel.Foia, false, "ProducedOn", "only when the records were produced")]
    [InlineData(RecordsStatus.Produced, "2017-07-20", RecordsChannel.Foia, false, "ProducedOn", "cannot answer a request made later (2017-07-25)")]
    [InlineData(RecordsStatus.Produced, "2027-03-02", RecordsChannel.Foia, false, "ProducedOn", "Production date 2027-03-02 is in the future.")]
    [InlineData(RecordsStatus.Requested, null, RecordsChannel.Ecas, true, "UnusualCircumstances", "is a FOIA rule")]
    public void Create_BadInput_NamesTheField(RecordsStatus status, string? producedOn, RecordsChannel channel, bool unusual, string field, string message)
    {
        var (r, errors) = RecordsRequest.Create(1, new RecordsRequestInput(RecordKind.AFile, channel, RecordsAgency.Uscis, new DateOnly(2017, 7, 25), status,
            UnusualCircumstances: unusual, ProducedOn: producedOn is null ? null : DateOnly.Parse(producedOn)), Today);
        Assert.Null(r);
        var e = Assert.Single(errors);
        Assert.Equal(field, e.Field);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
