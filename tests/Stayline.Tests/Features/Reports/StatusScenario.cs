using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.People;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Reports;

/// <summary>
/// A scripted summer 2017: three class members and one outsider, with events before and after the last
/// report (2017-07-01), so that the status report's rows can be worked out by hand.
/// </summary>
public static class StatusScenario
{
    public static readonly DateOnly Since = new(2017, 7, 1);
    public static readonly DateOnly Today = new(2017, 7, 31);

    public sealed record Ids(long ClassId, long Kassab, long Toma, long Zaya, long Outsider);

    public static async Task<Ids> SeedAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var calhoun = Facility.Create(new FacilityInput("Calhoun County Correctional Center", "Detroit", null, "Battle Creek", "MI", null, null, null)).Facility!;
        var ohio = Facility.Create(new FacilityInput("Northeast Ohio Correctional Center", "Detroit", null, "Youngstown", "OH", null, null, null)).Facility!;
        var hamama = new ClassAction("Hamama v. Adducci", "E.D. Mich.", "2:17-cv-11910", null);
        db.AddRange(calhoun, ohio, hamama);
        var kassab = NewPerson("A012345678", "Yousif", "Kassab");
        var toma = NewPerson("A098765432", "Hanna", "Toma");
        var zaya = NewPerson(null, "Adnan", "Zaya");
        var outsider = NewPerson("A055555555", "Sami", "Outside");
        db.People.AddRange(kassab, toma, zaya, outsider);
        await db.SaveChangesAsync();
        // The context re-adds name tokens on the next save of a changed person while the first ones are still tracked.
        foreach (var token in db.ChangeTracker.Entries<PersonNameToken>().ToList())
        {
            token.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }

        foreach (var p in new[] { kassab, toma, zaya, outsider })
        {
            Ok(CustodyLedger.Detain(p, calhoun.Id, new DateOnly(2017, 6, 11), Today));
            db.ClassMemberships.Add(new ClassMembership(hamama.Id, p.Id, new DateOnly(2017, 6, 24)));
        }

        db.ClassMemberships.Remove(db.ClassMemberships.Local.Single(m => m.PersonId == outsider.Id));
        Ok(CustodyLedger.Transfer(kassab, ohio.Id, new DateOnly(2017, 7, 5), Today));
        Ok(CustodyLedger.End(toma, new DateOnly(2017, 7, 8), CustodyEnd.Released, Today));
        db.PersonEvents.AddRange(
            new PersonEvent(kassab.Id, PersonEventKind.RecordOfProceedingsReceived, new DateOnly(2017, 6, 20), null),
            new PersonEvent(kassab.Id, PersonEventKind.AFileReceived, new DateOnly(2017, 7, 10), null),
            new PersonEvent(outsider.Id, PersonEventKind.AFileReceived, new DateOnly(2017, 7, 10), null));
        db.Matters.AddRange(
            Matter(kassab.Id, MatterKind.BiaAppeal, MatterStatus.Denied, new DateOnly(2017, 5, 1), new DateOnly(2017, 7, 3)),
            Matter(kassab.Id, MatterKind.MotionToReopenIj, MatterStatus.Granted, new DateOnly(2017, 7, 12), new DateOnly(2017, 7, 20), stay: true),
            Matter(kassab.Id, MatterKind.StayMotion, MatterStatus.Pending, new DateOnly(2017, 7, 12), null),
            Matter(toma.Id, MatterKind.PetitionForReview, MatterStatus.Pending, new DateOnly(2017, 7, 15), null),
            Matter(zaya.Id, MatterKind.MotionToReopenIj, MatterStatus.Pending, new DateOnly(2017, 6, 20), null),
            Matter(outsider.Id, MatterKind.MotionToReopenIj, MatterStatus.Pending, new DateOnly(2017, 7, 20), null));
        db.CourtOrders.Add(new CourtOrder(null, toma.Id, CourtOrderKind.IndividualStay, "6th Cir.", "17-2001", new DateOnly(2017, 7, 16), "Stay of removal", null));
        await db.SaveChangesAsync();
        return new Ids(hamama.Id, kassab.Id, toma.Id, zaya.Id, outsider.Id);
    }

    /// <summary>Worked out by hand from the script above; sorted by name.</summary>
    public static readonly string[][] ExpectedRows =
    [
        ["", "Adnan Zaya", "Detained", "Calhoun County Correctional Center, Battle Creek, MI", "", "", "", "", "", "", "", "", ""],
        ["A098-765-432", "Hanna Toma", "Released", "", "", "", "", "stay ordered by 6th Cir. 2017-07-16", "", "petition for review filed 2017-07-15", "",
            "released 2017-07-08 from Calhoun County Correctional Center, Battle Creek, MI", ""],
        ["A012-345-678", "Yousif Kassab", "Detained", "Northeast Ohio Correctional Center, Youngstown, OH", "A-file received 2017-07-10",
            "motion to reopen (IJ) filed 2017-07-12", "motion to reopen (IJ) granted 2017-07-20",
            "stay motion filed 2017-07-12; stay requested with motion to reopen (IJ) 2017-07-12", "BIA appeal denied 2017-07-03", "",
            "2017-07-05 Calhoun County Correctional Center, Battle Creek, MI to Northeast Ohio Correctional Center, Youngstown, OH", "", ""],
    ];

    private static Person NewPerson(string? aNumber, string given, string family)
    {
        var (p, errors) = Person.Create(new PersonInput(aNumber, given, family, null, null, BirthDatePrecision.Unknown, "Iraq", null, false, null),
            Today, DateTimeOffset.UnixEpoch);
        Ok(errors);
        return p!;
    }

    private static Matter Matter(long personId, MatterKind kind, MatterStatus status, DateOnly filed, DateOnly? decided, bool stay = false)
    {
        var (m, errors) = Domain.Matters.Matter.Create(personId, new MatterInput(kind, Domain.Matters.Matter.DefaultForum(kind), null, null, status, filed, decided, stay, null), Today);
        Ok(errors);
        return m!;
    }

    private static void Ok(IReadOnlyList<Domain.Common.FieldError> errors) => Assert.Empty(errors);
}
