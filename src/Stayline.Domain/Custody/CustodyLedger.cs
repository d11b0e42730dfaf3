using Stayline.Domain.Common;
using Stayline.Domain.People;

namespace Stayline.Domain.Custody;

/// <summary>
/// The one place that changes custody: checks dates against the person's history and keeps the
/// person's denormalised custody status and current facility in step.
/// </summary>
public static class CustodyLedger
{
    public static IReadOnlyList<FieldError> Detain(Person person, long facilityId, DateOnly from, DateOnly today)
    {
        var v = new Validation();
        v.Require(from <= today, "From", $"Detention date {from:yyyy-MM-dd} is in the future.");
        var open = person.CustodyEpisodes.FirstOrDefault(e => e.IsOpen);
        if (open is not null)
        {
            // Detaining someone already held elsewhere is a transfer.
            return Transfer(person, facilityId, from, today);
        }

        var latestEnd = person.CustodyEpisodes.Where(e => e.To is not null).Select(e => e.To!.Value).DefaultIfEmpty(DateOnly.MinValue).Max();
        v.Require(from >= latestEnd, "From", $"Detention on {from:yyyy-MM-dd} starts before the previous custody ended ({latestEnd:yyyy-MM-dd}).");
        if (!v.IsValid)
        {
            return v.Errors;
        }

        person.CustodyEpisodes.Add(CustodyEpisode.Start(person.Id, facilityId, from));
        Refresh(person, facilityId);
        return v.Errors;
    }

    public static IReadOnlyList<FieldError> Transfer(Person person, long facilityId, DateOnly on, DateOnly today)
    {
        var v = new Validation();
        var open = person.CustodyEpisodes.FirstOrDefault(e => e.IsOpen);
        v.Require(open is not null, "FacilityId", $"The person is not in custody; record a detention instead of a transfer.");
        v.Require(on <= today, "From", $"Transfer date {on:yyyy-MM-dd} is in the future.");
        if (open is not null)
        {
            v.Require(on >= open.From, "From", $"Transfer on {on:yyyy-MM-dd} is before the current detention began ({open.From:yyyy-MM-dd}).");
            v.Require(open.FacilityId != facilityId, "FacilityId", $"The person is already held at that facility.");
        }

        if (!v.IsValid)
        {
            return v.Errors;
        }

        open!.End(on, CustodyEnd.Transferred);
        person.CustodyEpisodes.Add(CustodyEpisode.Start(person.Id, facilityId, on));
        Refresh(person, facilityId);
        return v.Errors;
    }

    public static IReadOnlyList<FieldError> End(Person person, DateOnly on, CustodyEnd reason, DateOnly today)
    {
        var v = new Validation();
        var open = person.CustodyEpisodes.FirstOrDefault(e => e.IsOpen);
        v.Require(open is not null, "To", $"The person is not in custody.");
        v.Require(reason != CustodyEnd.Transferred, "EndReason", $"Use a transfer to move a person between facilities.");
        v.Require(on <= today, "To", $"End date {on:yyyy-MM-dd} is in the future.");
        if (open is not null)
        {
            v.Require(on >= open.From, "To", $"Custody cannot end on {on:yyyy-MM-dd}, before it started on {open.From:yyyy-MM-dd}.");
        }

        if (!v.IsValid)
        {
            return v.Errors;
        }

        open!.End(on, reason);
        person.CustodyStatus = reason == CustodyEnd.Removed ? CustodyStatus.Removed : CustodyStatus.Released;
        person.CurrentFacilityId = null;
        return v.Errors;
    }

    /// <summary>Records a closed historical episode (from an import or an old file).</summary>
    public static IReadOnlyList<FieldError> AddPast(Person person, long facilityId, DateOnly from, DateOnly to, CustodyEnd reason, DateOnly today)
    {
        var v = new Validation();
        v.Require(to >= from, "To", $"Custody cannot end on {to:yyyy-MM-dd}, before it started on {from:yyyy-MM-dd}.");
        v.Require(to <= today, "To", $"End date {to:yyyy-MM-dd} is in the future.");
        if (!v.IsValid)
        {
            return v.Errors;
        }

        var episode = CustodyEpisode.Start(person.Id, facilityId, from);
        episode.End(to, reason);
        person.CustodyEpisodes.Add(episode);
        return v.Errors;
    }

    private static void Refresh(Person person, long facilityId)
    {
        person.CustodyStatus = CustodyStatus.Detained;
        person.CurrentFacilityId = facilityId;
    }
}
