using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayline.Cli;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.People;
using Stayline.Domain.Protection;
using Stayline.Domain.Records;
using Stayline.Domain.Work;
using Stayline.Features.Account;
using Stayline.Infrastructure;

namespace Stayline.Features.Demo;

/// <summary>
/// `demo [--people 1400]`: fills an empty database with a synthetic mass-detention crisis shaped like the
/// 2017 Iraqi arrests (Detroit field office, transfers across the country, old removal orders, a class
/// action with a stay), and demo users of each role. Deterministic: the same seed gives the same people.
/// </summary>
internal static class DemoCommand
{
    public const int DefaultPeople = 1400;

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string Password)> Users =
    [
        ("admin@demo.stayline.test", "Coordinating Attorney (demo)", Roles.Admin, "demo-admin-stayline"),
        ("attorney@demo.stayline.test", "Dana Whitfield (demo)", Roles.Attorney, "demo-attorney-stayline"),
        ("attorney2@demo.stayline.test", "Samir Haddad (demo)", Roles.Attorney, "demo-attorney-stayline"),
        ("attorney3@demo.stayline.test", "Grace Okafor (demo)", Roles.Attorney, "demo-attorney-stayline"),
        ("intake@demo.stayline.test", "Hotline Volunteer (demo)", Roles.Intake, "demo-intake-stayline"),
        ("viewer@demo.stayline.test", "Reporting Viewer (demo)", Roles.Viewer, "demo-viewer-stayline"),
    ];

    public static Command Create()
    {
        var people = new Option<int>("--people") { Description = "How many people to create", DefaultValueFactory = _ => DefaultPeople };
        var command = new Command("demo", "Fill an empty database with a realistic synthetic crisis and demo users (no real person's data)") { people };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, ct2) =>
        {
            var n = parse.GetValue(people);
            if (n is < 1 or > 200_000)
            {
                await error.WriteLineAsync($"--people must be between 1 and 200000 (got {n}).");
                return 1;
            }

            return await FillIfEmptyAsync(services, n, output, ct2) ? 0 : 1;
        }, ct: ct));
        return command;
    }

    /// <summary>Fills the database when it has no people and no users; otherwise says so and changes nothing.</summary>
    public static async Task<bool> FillIfEmptyAsync(IServiceProvider services, int count, TextWriter output, CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            if (await db.People.AnyAsync(ct) || await db.Users.AnyAsync(ct))
            {
                await output.WriteLineAsync("The database already has data; the demo fills only an empty one. Demo sign-ins (if it was made by the demo):");
                await PrintUsersAsync(output);
                return false;
            }
        }

        foreach (var u in Users)
        {
            var failure = await UserCommands.CreateUserAsync(services, u.Email, u.Name, u.Role, u.Password);
            if (failure is not null)
            {
                throw new InvalidOperationException(failure);
            }
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await new DemoGenerator(clock.Today(), clock.GetUtcNow()).FillAsync(services, count, ct);
        await output.WriteLineAsync($"Demo: created {count:N0} people in {started.Elapsed.TotalSeconds:N1} s. Demo sign-ins (demo data only):");
        await PrintUsersAsync(output);
        return true;
    }

    private static async Task PrintUsersAsync(TextWriter output)
    {
        foreach (var u in Users)
        {
            await output.WriteLineAsync($"  {u.Role,-9} {u.Email,-30} password: {u.Password}");
        }
    }
}

internal sealed class DemoGenerator(DateOnly today, DateTimeOffset now)
{
    private readonly Random _rng = new(2017);

    // Where the 2017 arrests were first held (Detroit field office), and where people were moved next.
    private static readonly string[] FirstHeld =
    [
        "Calhoun County Correctional Center", "St. Clair County Jail", "Monroe County Jail", "Northeast Ohio Correctional Center",
        "Mahoning County Justice Center", "Chippewa County Correctional Facility",
    ];

    private static readonly string[] MovedTo =
    [
        "Northeast Ohio Correctional Center", "Butler County Sheriff's Office", "Geauga County Safety Center", "Seneca County Jail",
        "Corrections Center of Northwest Ohio (CCNO)", "Stewart Detention Center", "Otero County Processing Center",
        "Port Isabel Service Processing Center", "Central Arizona Florence Correctional Center", "Eloy Detention Center",
        "Adelanto ICE Processing Center", "Otay Mesa Detention Center", "Prairieland Detention Facility", "Krome North Service Processing Center",
        "Elizabeth Contract Detention Facility", "Torrance County Detention Facility", "Richwood Correctional Center",
    ];

    public async Task FillAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var facilities = (await db.Facilities.AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.Name, f.Id }).ToListAsync(ct))
            .GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First().Id);
        var first = FirstHeld.Where(facilities.ContainsKey).Select(n => facilities[n]).ToArray();
        var moved = MovedTo.Where(facilities.ContainsKey).Select(n => facilities[n]).ToArray();
        if (first.Length == 0)
        {
            first = facilities.Values.Take(5).ToArray();
            moved = facilities.Values.Skip(5).Take(10).ToArray();
        }

        var attorneys = await db.Users.Where(u => u.Email!.StartsWith("attorney") || u.Email!.StartsWith("admin")).Select(u => u.Id).ToListAsync(ct);
        var author = attorneys[0];

        // Arrests began about three months ago, so the class order's 90-day motion deadlines (counted from the later of
        // A-file and record received) fall over the coming weeks: the deadlines board has work due within 7 and 30 days.
        var arrestsBegan = today.AddDays(-106);
        var classAction = new ClassAction("Doe v. Detroit Field Office Director (demo)", "E.D. Mich.", "2:26-cv-00001 (fictional)",
            "All Iraqi nationals in the United States who had final orders of removal on or after the day arrests began and who are, or will be, arrested and detained by ICE (demo class).");
        db.ClassActions.Add(classAction);
        await db.SaveChangesAsync(ct);
        var stayOn = today.AddDays(-85);
        db.CourtOrders.Add(new CourtOrder(classAction.Id, null, CourtOrderKind.ClassStay, "E.D. Mich.", classAction.CaseNumber, stayOn,
            "Preliminary injunction: removal stayed for class members until 90 days after A-file and ROP are received; continues through a motion to reopen, a Board appeal and a petition for review with a stay motion",
            JsonSerializer.Serialize(ClassStayTerms.HamamaLike with { RecordsDueOn = stayOn.AddDays(28) })));
        await db.SaveChangesAsync(ct);

        const int batch = 250;
        for (var start = 0; start < count; start += batch)
        {
            var people = new List<(Person Person, Plan Plan)>();
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                people.Add(NewPerson(i, first, moved, arrestsBegan));
            }

            db.People.AddRange(people.Select(p => p.Person));
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);

            var receipts = new List<RecordsRequest>();
            foreach (var (person, plan) in people)
            {
                AddCase(db, person, plan, classAction.Id, stayOn, attorneys, author, receipts);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            foreach (var r in receipts)
            {
                var (kind, on) = r.ReceiptEvent!.Value;
                db.PersonEvents.Add(new PersonEvent(r.PersonId, kind, on, $"{(kind == PersonEventKind.AFileReceived ? "A-file" : "Record of proceedings")} produced ({r.TrackingNumber})")
                { RecordsRequestId = r.Id });
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private sealed record Plan(DateOnly ArrestedOn, DateOnly OrderedOn, bool InAbsentia, bool Board, bool Convicted);

    private (Person, Plan) NewPerson(int i, long[] first, long[] moved, DateOnly arrestsBegan)
    {
        var chaldean = _rng.NextDouble() < 0.6;
        var given = Pick(chaldean ? DemoNames.ChaldeanGiven : DemoNames.ArabGiven);
        var family = Pick(chaldean ? DemoNames.ChaldeanFamily : DemoNames.ArabFamily);
        var givenSpelling = Pick(given.Spellings);
        var familySpelling = Pick(family.Spellings);
        var orderedOn = new DateOnly(1988, 1, 1).AddDays(_rng.Next(0, 28 * 365));
        var birthYear = Math.Min(orderedOn.Year - 18, 1950 + _rng.Next(0, 45));
        var placeholder = _rng.NextDouble() < 0.15;
        var birth = placeholder ? new DateOnly(birthYear, 1, 1) : new DateOnly(birthYear, _rng.Next(1, 13), _rng.Next(1, 29));
        var yearOnly = !placeholder && _rng.NextDouble() < 0.05;
        // A-numbers issued before about 2000 have 8 digits; later ones 9 (starting with 2).
        var aNumber = orderedOn.Year < 2000
            ? "A" + _rng.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "A2" + _rng.Next(0, 99_999_999).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        aNumber = aNumber[..^4] + (i % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture); // unique within 10,000
        var native = _rng.NextDouble() < 0.5 && given.Arabic is not null && family.Arabic is not null ? $"{given.Arabic} {family.Arabic}" : null;
        var consent = _rng.NextDouble() < 0.7;
        var (person, errors) = Person.Create(new PersonInput(aNumber, givenSpelling, familySpelling, native, birth,
            yearOnly ? BirthDatePrecision.YearOnly : BirthDatePrecision.Exact, "Iraq",
            chaldean ? "Chaldean Neo-Aramaic, Arabic, English" : "Arabic, English", consent, consent ? today.AddDays(-_rng.Next(1, 20)) : null), today, now);
        if (person is null)
        {
            throw new InvalidOperationException($"Demo person {i} is invalid: {string.Join("; ", errors.Select(e => e.Message))}");
        }

        if (_rng.NextDouble() < 0.3)
        {
            // The same person as spelled on the government's list.
            person.AddAlias(Pick(given.Spellings), Pick(family.Spellings).ToUpperInvariant(), "ICE detainee list");
        }

        if (_rng.NextDouble() < 0.5)
        {
            var c = FamilyContact.For(0);
            c.Name = $"{Pick(Pick(chaldean ? DemoNames.ChaldeanGiven : DemoNames.ArabGiven).Spellings)} {familySpelling}";
            c.Relationship = Pick(DemoNames.Relationships);
            c.Phone = $"(313) 555-{_rng.Next(100, 1000):D4}";
            c.Language = chaldean ? "Chaldean Neo-Aramaic" : "Arabic";
            person.FamilyContacts.Add(c);
        }

        var arrested = arrestsBegan.AddDays(_rng.Next(0, 20));
        CustodyLedger.Detain(person, Pick(first), arrested, today);
        var roll = _rng.NextDouble();
        if (roll < 0.45)
        {
            var t1 = arrested.AddDays(_rng.Next(2, 12));
            CustodyLedger.Transfer(person, PickOther(moved, person.CurrentFacilityId), t1, today);
            if (_rng.NextDouble() < 0.3)
            {
                CustodyLedger.Transfer(person, PickOther(moved, person.CurrentFacilityId), t1.AddDays(_rng.Next(3, 15)), today);
            }
        }
        else if (roll < 0.52)
        {
            CustodyLedger.End(person, arrested.AddDays(_rng.Next(5, 25)), CustodyEnd.Released, today);
        }

        var plan = new Plan(arrested, orderedOn, _rng.NextDouble() < 0.1, _rng.NextDouble() < 0.15, _rng.NextDouble() < 0.4);
        return (person, plan);
    }

    private void AddCase(StaylineDbContext db, Person person, Plan plan, long classId, DateOnly stayOn, List<string> attorneys, string author,
        List<RecordsRequest> receipts)
    {
        var id = person.Id;
        db.PersonEvents.Add(new PersonEvent(id, PersonEventKind.Arrested, plan.ArrestedOn, "Arrested by ICE Enforcement and Removal Operations"));
        var waived = !plan.InAbsentia && _rng.NextDouble() < 0.3;
        // A separate generator, so the rest of the demo stays the same: most files say whether appeal was reserved
        // and which proceeding an old order ended; some do not, as in real files.
        var detail = new Random(unchecked((int)id));
        var reserved = !plan.InAbsentia && !waived && detail.NextDouble() < 0.7;
        var proceeding = plan.OrderedOn >= new DateOnly(1997, 4, 1) ? ProceedingType.Removal
            : detail.NextDouble() switch { < 0.88 => ProceedingType.Deportation, < 0.94 => ProceedingType.Exclusion, _ => ProceedingType.Unknown };
        var (order, _) = RemovalOrder.Create(id, plan.OrderedOn, plan.Board && !plan.InAbsentia ? Adjudicator.Board : Adjudicator.ImmigrationJudge,
            plan.InAbsentia, waived, "Iraq", today, reserved, proceeding);
        db.RemovalOrders.Add(order!);
        if (plan.Convicted)
        {
            var (conviction, _) = Conviction.Create(id, Pick(DemoNames.Offences), plan.OrderedOn.AddDays(-_rng.Next(200, 2000)),
                Pick(["Probation, 2 years", "90 days jail", "1 year jail", "Fine and costs", "18 months prison"]), true, today);
            db.Convictions.Add(conviction!);
        }

        var member = _rng.NextDouble() < 0.92;
        if (member)
        {
            db.ClassMemberships.Add(new ClassMembership(classId, id, stayOn.AddDays(_rng.Next(0, 10))));
        }

        var foiaFiled = plan.ArrestedOn.AddDays(_rng.Next(1, 6));
        if (_rng.NextDouble() < 0.85)
        {
            // FOIA requests for the A-file (USCIS) and the record of proceedings (EOIR); their production, when it came, is the
            // receipt that starts the class motion clock, recorded after the batch is saved (the receipt points to the request).
            var aFile = Request(RecordKind.AFile, RecordsAgency.Uscis, "NRC");
            var rop = Request(RecordKind.RecordOfProceedings, RecordsAgency.Eoir, "EOIR");
            if (_rng.NextDouble() < 0.45)
            {
                Produce(aFile, foiaFiled.AddDays(_rng.Next(10, 25)).Min(today));
                if (_rng.NextDouble() < 0.8)
                {
                    Produce(rop, foiaFiled.AddDays(_rng.Next(12, 30)).Min(today));
                }
            }
        }

        RecordsRequest Request(RecordKind kind, RecordsAgency agency, string prefix)
        {
            var (request, _) = RecordsRequest.Create(id, new RecordsRequestInput(kind, RecordsChannel.Foia, agency, foiaFiled, RecordsStatus.Acknowledged,
                $"{prefix}{foiaFiled:yyyy}{id:D6}"), today);
            db.RecordsRequests.Add(request!);
            return request!;
        }

        void Produce(RecordsRequest request, DateOnly on)
        {
            request.Update(request.ToInput() with { Status = RecordsStatus.Produced, ProducedOn = on }, today);
            receipts.Add(request);
        }

        var r = _rng.NextDouble();
        if (r < 0.15)
        {
            var filed = plan.ArrestedOn.AddDays(_rng.Next(7, 25)).Min(today);
            var (mtr, _) = Matter.Create(id, new MatterInput(MatterKind.MotionToReopenIj, Adjudicator.ImmigrationJudge, "Detroit Immigration Court",
                null, MatterStatus.Pending, filed, null, true, "Motion to reopen: changed country conditions (persecution of Christians and former U.S. residents in Iraq)"), today);
            db.Matters.Add(mtr!);
        }
        else if (r < 0.2)
        {
            var (habeas, _) = Matter.Create(id, new MatterInput(MatterKind.HabeasPetition, Adjudicator.DistrictCourt, "E.D. Mich.",
                $"2:26-cv-{_rng.Next(10000, 14000)}", MatterStatus.Pending, plan.ArrestedOn.AddDays(_rng.Next(2, 10)).Min(today), null, true,
                "Individual petition under 28 U.S.C. 2241 with an emergency motion for a stay of removal"), today);
            db.Matters.Add(habeas!);
        }

        if (_rng.NextDouble() < 0.65)
        {
            db.Assignments.Add(new Assignment(id, Pick(attorneys.ToArray()), plan.ArrestedOn.AddDays(_rng.Next(1, 10)).Min(today)));
        }

        if (_rng.NextDouble() < 0.2)
        {
            var privileged = _rng.NextDouble() < 0.5;
            db.Notes.Add(new Note(id, author, now.AddMinutes(-_rng.Next(60, 60 * 24 * 20)),
                privileged ? "Client describes threats received by relatives in Baghdad after his name appeared on a deportation list; get declarations."
                           : "Family called the hotline; sister will bring the client's old passport copy.", privileged));
        }
    }

    private T Pick<T>(T[] items) => items[_rng.Next(items.Length)];

    private long PickOther(long[] items, long? not)
    {
        var pick = Pick(items);
        return pick == not ? items[(Array.IndexOf(items, pick) + 1) % items.Length] : pick;
    }
}

internal static class DateOnlyExtensions
{
    public static DateOnly Min(this DateOnly a, DateOnly b) => a < b ? a : b;
}
