using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Deadlines;
using Stayline.Domain.People;

namespace Stayline.Domain.Records;

public enum RecordKind
{
    AFile,
    RecordOfProceedings,
    Other,
}

/// <summary>How the records are asked for.</summary>
public enum RecordsChannel
{
    /// <summary>A request under the Freedom of Information Act (5 U.S.C. 552).</summary>
    Foia,
    /// <summary>A download from EOIR's Courts and Appeals System (the record of a case with electronic filing).</summary>
    Ecas,
    /// <summary>Production the government owes under a court's order.</summary>
    CourtOrder,
    Other,
}

public enum RecordsAgency
{
    Uscis,
    Ice,
    Eoir,
    Cbp,
    Other,
}

public enum RecordsStatus
{
    Requested,
    Acknowledged,
    ProducedInPart,
    Produced,
    Denied,
    Appealed,
}

/// <summary>What a form or the API sends for a records request.</summary>
public sealed record RecordsRequestInput(RecordKind Kind, RecordsChannel Channel, RecordsAgency Agency, DateOnly? RequestedOn,
    RecordsStatus Status = RecordsStatus.Requested, string? TrackingNumber = null, DateOnly? AgencyReceivedOn = null,
    bool UnusualCircumstances = false, DateOnly? ProduceBy = null, DateOnly? ProducedOn = null, string? Notes = null);

/// <summary>
/// One request for a person's records (the A-file, the record of proceedings, or others) and what became of it. When
/// an A-file or a record of proceedings is produced in full, the production day is the receipt that starts a class
/// order's motion clock (<see cref="ReceiptEvent"/>, kept as a person event that points back here); production in part starts nothing, since the motion is prepared
/// from the whole file.
/// </summary>
public sealed class RecordsRequest : IVersioned
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public RecordKind Kind { get; private set; }
    public RecordsChannel Channel { get; private set; }
    public RecordsAgency Agency { get; private set; }
    public DateOnly RequestedOn { get; private set; }

    /// <summary>The day the agency component that handles it got the request, when known (FOIA counts from it).</summary>
    public DateOnly? AgencyReceivedOn { get; private set; }
    public string? TrackingNumber { get; private set; }
    public RecordsStatus Status { get; private set; }

    /// <summary>The agency gave written notice of unusual circumstances: ten more working days (5 U.S.C. 552(a)(6)(B)(i)).</summary>
    public bool UnusualCircumstances { get; private set; }

    /// <summary>A production date a court set for this person's records (a class order's date applies on top of it).</summary>
    public DateOnly? ProduceBy { get; private set; }
    public DateOnly? ProducedOn { get; private set; }
    public string? Notes { get; private set; }

    public int Version { get; set; }

    private RecordsRequest()
    {
    }

    public static (RecordsRequest? Request, IReadOnlyList<FieldError> Errors) Create(long personId, RecordsRequestInput input, DateOnly today)
    {
        var r = new RecordsRequest { PersonId = personId };
        var errors = r.Update(input, today);
        return errors.Count == 0 ? (r, errors) : (null, errors);
    }

    public IReadOnlyList<FieldError> Update(RecordsRequestInput input, DateOnly today)
    {
        var v = new Validation();
        v.Require(Enum.IsDefined(input.Kind), nameof(input.Kind), $"Unknown kind of record \"{input.Kind}\".");
        v.Require(Enum.IsDefined(input.Channel), nameof(input.Channel), $"Unknown channel \"{input.Channel}\".");
        v.Require(Enum.IsDefined(input.Agency), nameof(input.Agency), $"Unknown agency \"{input.Agency}\".");
        v.Require(Enum.IsDefined(input.Status), nameof(input.Status), $"Unknown status \"{input.Status}\".");
        v.Require(input.RequestedOn is not null, nameof(input.RequestedOn), $"The day the request was made is required.");
        v.Require(input.RequestedOn is null || input.RequestedOn <= today, nameof(input.RequestedOn), $"Request date {input.RequestedOn:yyyy-MM-dd} is in the future.");
        v.Require(input.RequestedOn is null || DeadlineCalculator.IsSupportedTrigger(input.RequestedOn.Value), nameof(input.RequestedOn),
            $"Request date {input.RequestedOn:yyyy-MM-dd} is outside the years the court calendar covers ({DeadlineCalculator.FirstTrigger.Year}-{DeadlineCalculator.LastTrigger.Year}).");
        v.Require(input.AgencyReceivedOn is null || input.RequestedOn is null || input.AgencyReceivedOn >= input.RequestedOn, nameof(input.AgencyReceivedOn),
            $"The agency cannot receive the request ({input.AgencyReceivedOn:yyyy-MM-dd}) before it was made ({input.RequestedOn:yyyy-MM-dd}).");
        v.Require(input.AgencyReceivedOn is null || input.AgencyReceivedOn <= today, nameof(input.AgencyReceivedOn), $"Receipt date {input.AgencyReceivedOn:yyyy-MM-dd} is in the future.");
        v.Require(input.Status is RecordsStatus.Produced or RecordsStatus.ProducedInPart || input.ProducedOn is null, nameof(input.ProducedOn),
            $"A production date is recorded only when the records were produced (in full or in part).");
        v.Require(input.Status is not RecordsStatus.Produced || input.ProducedOn is not null, nameof(input.ProducedOn),
            $"Give the day the records were produced: for an A-file or a record of proceedings it starts the class motion clock.");
        v.Require(input.ProducedOn is null || input.ProducedOn <= today, nameof(input.ProducedOn), $"Production date {input.ProducedOn:yyyy-MM-dd} is in the future.");
        v.Require(input.ProducedOn is null || input.RequestedOn is null || input.ProducedOn >= input.RequestedOn || input.Channel == RecordsChannel.CourtOrder,
            nameof(input.ProducedOn), $"Records produced on {input.ProducedOn:yyyy-MM-dd} cannot answer a request made later ({input.RequestedOn:yyyy-MM-dd}).");
        v.Require(!input.UnusualCircumstances || input.Channel == RecordsChannel.Foia, nameof(input.UnusualCircumstances),
            $"The unusual-circumstances extension is a FOIA rule (5 U.S.C. 552(a)(6)(B)); this request is not a FOIA request.");
        v.Require(input.TrackingNumber is null || input.TrackingNumber.Trim().Length <= 100, nameof(input.TrackingNumber), $"The tracking number is longer than 100 characters.");
        v.Require(input.Notes is null || input.Notes.Length <= 2000, nameof(input.Notes), $"Notes are longer than 2,000 characters.");
        if (!v.IsValid)
        {
            return v.Errors;
        }

        Kind = input.Kind;
        Channel = input.Channel;
        Agency = input.Agency;
        RequestedOn = input.RequestedOn!.Value;
        AgencyReceivedOn = input.AgencyReceivedOn;
        TrackingNumber = string.IsNullOrWhiteSpace(input.TrackingNumber) ? null : input.TrackingNumber.Trim();
        Status = input.Status;
        UnusualCircumstances = input.UnusualCircumstances;
        ProduceBy = input.ProduceBy;
        ProducedOn = input.ProducedOn;
        Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        return [];
    }

    public RecordsRequestInput ToInput() =>
        new(Kind, Channel, Agency, RequestedOn, Status, TrackingNumber, AgencyReceivedOn, UnusualCircumstances, ProduceBy, ProducedOn, Notes);

    /// <summary>Still owed: not produced in full and not finally denied (a denial under appeal is still owed).</summary>
    public bool IsOutstanding => Status is not (RecordsStatus.Produced or RecordsStatus.Denied);

    /// <summary>The receipt this request stands for, if any: an A-file or record of proceedings produced in full.</summary>
    public (PersonEventKind Kind, DateOnly On)? ReceiptEvent => (Status, Kind, ProducedOn) switch
    {
        (RecordsStatus.Produced, RecordKind.AFile, { } on) => (PersonEventKind.AFileReceived, on),
        (RecordsStatus.Produced, RecordKind.RecordOfProceedings, { } on) => (PersonEventKind.RecordOfProceedingsReceived, on),
        _ => null,
    };

    /// <summary>
    /// The agency's statutory answer date for a FOIA request: 20 working days after the handling component received it
    /// (5 U.S.C. 552(a)(6)(A)(i)), 30 after written notice of unusual circumstances ((a)(6)(B)(i)). Counted from the day
    /// the request was made when the receipt day is not recorded: the earlier date, which tells counsel soonest that
    /// the agency may be late (the agency may show a later receipt). Null for other channels.
    /// </summary>
    public DateOnly? StatutoryResponseDue
    {
        get
        {
            if (Channel != RecordsChannel.Foia)
            {
                return null;
            }

            var rule = DeadlineRules.FoiaResponse;
            var days = rule.PeriodDays + (UnusualCircumstances ? rule.Extension!.Days : 0);
            return BusinessDays.After(AgencyReceivedOn ?? RequestedOn, days);
        }
    }

    /// <summary>The earliest production date a court set, here or in a class order (<paramref name="classOrderDate"/>).</summary>
    public DateOnly? CourtDue(DateOnly? classOrderDate) =>
        (ProduceBy, classOrderDate) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, var b) => b,
        };

    /// <summary>The court's date passed with the records not produced in full by then (still owed, or produced late).</summary>
    public bool IsNoncompliant(DateOnly? classOrderDate, DateOnly today) =>
        CourtDue(classOrderDate) is { } due && (ProducedOn is { } on && Status == RecordsStatus.Produced ? on > due : due < today);
}
