using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.People;
using Stayline.Domain.Work;
using Stayline.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Review;

public class ReviewServiceTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    internal static async Task<long> AddPersonAsync(StaylineDbContext db, string given, string family, DateOnly? birth, string? aNumber = null, string? country = null)
    {
        var (p, errors) = Person.Create(new PersonInput(aNumber, given, family, null, birth, BirthDatePrecision.Exact, country, null, false, null),
            Today, DateTimeOffset.UnixEpoch);
        Assert.Empty(errors);
        db.People.Add(p!);
        await db.SaveChangesAsync();
        return p!.Id;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MergeThenUndo_MovesEverythingAndPutsItBack(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var keep = await AddPersonAsync(db, "Yousif", "Kassab", new DateOnly(1971, 3, 2), null, "Iraq");
        var other = await AddPersonAsync(db, "Yousef", "Qassab", new DateOnly(1971, 3, 2), "A012345678");
        var attorney = await db.Users.Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.Id).SingleAsync();
        var cls = new ClassAction("Hamama v. Adducci", "E.D. Mich.", "2:17-cv-11910", null);
        db.ClassActions.Add(cls);
        await db.SaveChangesAsync();
        var (matter, _) = Matter.Create(other, new MatterInput(MatterKind.MotionToReopenIj, Adjudicator.ImmigrationJudge, null, null, MatterStatus.Drafting, null, null, false, null), Today);
        db.Matters.Add(matter!);
        db.PersonEvents.Add(new PersonEvent(other, PersonEventKind.AFileReceived, new DateOnly(2026, 5, 1), null));
        db.Notes.Add(new Note(other, attorney, DateTimeOffset.UnixEpoch, "Called the family", privileged: true));
        db.Assignments.Add(new Assignment(other, attorney, Today));
        db.ClassMemberships.Add(new ClassMembership(cls.Id, other, Today));
        var facility = await db.Facilities.Select(f => f.Id).FirstAsync();
        var otherPerson = await db.People.Include(p => p.CustodyEpisodes).SingleAsync(p => p.Id == other);
        CustodyLedger.Detain(otherPerson, facility, new DateOnly(2026, 4, 1), Today);
        (await db.People.Include(p => p.Aliases).SingleAsync(p => p.Id == other)).AddAlias("Youssef", "Kassab", "hotline");
        db.GeneratedDocuments.Add(new GeneratedDocument { PersonId = other, TemplateKey = "habeas", FileName = "petition.docx", Content = [1, 2, 3], CreatedBy = "test" });
        db.RecordsRequests.Add(Stayline.Domain.Records.RecordsRequest.Create(other, new Stayline.Domain.Records.RecordsRequestInput(Stayline.Domain.Records.RecordKind.AFile,
            Stayline.Domain.Records.RecordsChannel.Foia, Stayline.Domain.Records.RecordsAgency.Uscis, new DateOnly(2026, 4, 2)), Today).Request!);
        await db.SaveChangesAsync();

        var view = await review.CompareAsync(keep, other);
        Assert.NotNull(view);
        Assert.Null(view.Blocker);
        Assert.Contains(view.Evidence, e => e.Field == "Birth date" && e.Level == "Exact" && e.Weight > 0);
        Assert.Contains("A-number: A012-345-678", view.WillFill.Select(s => s.ToString()));
        Assert.Contains("1 matters", view.WillMove.Select(s => s.ToString()));

        var merged = await review.MergeAsync(keep, other);

        Assert.True(merged.Done, merged.Message);
        db.ChangeTracker.Clear();
        Assert.False(await db.People.AnyAsync(p => p.Id == other));
        var kept = await db.People.Include(p => p.Aliases).Include(p => p.CustodyEpisodes).SingleAsync(p => p.Id == keep);
        Assert.Equal("012345678", kept.ANumber);
        Assert.Equal(["Yousef Qassab", "Youssef Kassab"], kept.Aliases.Select(a => a.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(CustodyStatus.Detained, kept.CustodyStatus);
        Assert.Single(kept.CustodyEpisodes);
        Assert.Equal(1, await db.Matters.CountAsync(m => m.PersonId == keep));
        Assert.Equal(1, await db.Notes.CountAsync(m => m.PersonId == keep));
        Assert.Equal(1, await db.PersonEvents.CountAsync(m => m.PersonId == keep));
        Assert.Equal(1, await db.Assignments.CountAsync(m => m.PersonId == keep));
        Assert.Equal(1, await db.ClassMemberships.CountAsync(m => m.PersonId == keep));
        Assert.Equal(1, await db.GeneratedDocuments.CountAsync(m => m.PersonId == keep)); // not deleted with the absorbed record
        Assert.Equal(1, await db.RecordsRequests.CountAsync(m => m.PersonId == keep));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "merge" && a.PersonId == keep));
        Assert.True(await db.NameTokens.AnyAsync(t => t.PersonId == keep && t.Token == "qassab"), "the absorbed name is searchable on the survivor");

        var undone = await review.UndoMergeAsync(merged.Id!.Value);

        Assert.True(undone.Done, undone.Message);
        db.ChangeTracker.Clear();
        var back = await db.People.Include(p => p.Aliases).Include(p => p.CustodyEpisodes).SingleAsync(p => p.Id == other);
        Assert.Equal(("Yousef", "Qassab", "012345678"), (back.GivenName, back.FamilyName, back.ANumber));
        Assert.Equal("Youssef Kassab", Assert.Single(back.Aliases).FullName);
        Assert.Equal(CustodyStatus.Detained, back.CustodyStatus);
        Assert.Single(back.CustodyEpisodes);
        var restored = await db.People.Include(p => p.Aliases).SingleAsync(p => p.Id == keep);
        Assert.Null(restored.ANumber);
        Assert.Empty(restored.Aliases);
        Assert.Equal(CustodyStatus.Unknown, restored.CustodyStatus);
        Assert.Equal(1, await db.Matters.CountAsync(m => m.PersonId == other));
        Assert.Equal(1, await db.ClassMemberships.CountAsync(m => m.PersonId == other));
        Assert.Equal(0, await db.ClassMemberships.CountAsync(m => m.PersonId == keep));
        Assert.Equal(1, await db.GeneratedDocuments.CountAsync(m => m.PersonId == other));
        Assert.Equal(1, await db.RecordsRequests.CountAsync(m => m.PersonId == other));
        // The aliases went back: the survivor is no longer found by them (its tokens were refreshed too).
        Assert.False(await db.NameTokens.AnyAsync(t => t.PersonId == keep && (t.Token == "qassab" || t.Token == "youssef")));
        Assert.True(await db.NameTokens.AnyAsync(t => t.PersonId == other && t.Token == "youssef"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Merge_AcrossOrganisations_TheAbsorbedRecordsOrganisationKeepsAccess_AndUndoRestoresBoth(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var (clinic, _) = Stayline.Domain.Organisations.Organisation.Create("Partner clinic", false, DateTimeOffset.UnixEpoch);
        db.Organisations.Add(clinic!);
        await db.SaveChangesAsync();
        var keep = await AddPersonAsync(db, "Yousif", "Kassab", new DateOnly(1971, 3, 2), "A012345678");
        var other = await AddPersonAsync(db, "Yousef", "Qassab", new DateOnly(1971, 3, 2));
        (await db.People.SingleAsync(p => p.Id == other)).BelongTo(clinic!.Id);
        await db.SaveChangesAsync();
        var coordinating = await db.People.Where(p => p.Id == keep).Select(p => p.OrganisationId).SingleAsync();
        await AssertTokensCarryAsync(db, other, clinic.Id);

        var merged = await review.MergeAsync(keep, other);

        Assert.True(merged.Done, merged.Message);
        db.ChangeTracker.Clear();
        Assert.Equal(clinic.Id, (await db.PersonShares.SingleAsync(s => s.PersonId == keep)).OrganisationId);

        Assert.True((await review.UndoMergeAsync(merged.Id!.Value)).Done);
        db.ChangeTracker.Clear();
        Assert.Equal(clinic.Id, await db.People.Where(p => p.Id == other).Select(p => p.OrganisationId).SingleAsync());
        Assert.Equal(coordinating, await db.People.Where(p => p.Id == keep).Select(p => p.OrganisationId).SingleAsync());
        Assert.False(await db.PersonShares.AnyAsync());
        // The search index scopes by the organisation in its own rows (docs/benchmarks/scoping.md): it follows the person.
        await AssertTokensCarryAsync(db, other, clinic.Id);
        await AssertTokensCarryAsync(db, keep, coordinating);
    }

    private static async Task AssertTokensCarryAsync(StaylineDbContext db, long personId, long organisationId)
    {
        var organisations = await db.NameTokens.Where(t => t.PersonId == personId).Select(t => t.OrganisationId).ToListAsync();
        Assert.NotEmpty(organisations);
        Assert.All(organisations, o => Assert.Equal(organisationId, o));
    }

    [Fact]
    public async Task Find_ProposesVariantSpellings_AndNeverAPairDecidedNotSame()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var a = await AddPersonAsync(db, "Mohammed", "Al-Rubaie", new DateOnly(1980, 5, 14));
        var b = await AddPersonAsync(db, "Muhammad", "Alrubaie", new DateOnly(1980, 5, 14));
        await AddPersonAsync(db, "Nadia", "Jarjees", new DateOnly(1965, 1, 20));

        var found = await review.FindAsync();

        var pair = Assert.Single(found);
        Assert.Equal((Math.Min(a, b), Math.Max(a, b)), (pair.LeftId, pair.RightId));
        Assert.True((await review.NotSameAsync(b, a)).Done);
        Assert.Empty(await review.FindAsync());
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "not-same"));
    }

    [Fact]
    public async Task Find_AndCompare_ShowOneScoreAndEvidence()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var (a, b) = await LearnedContextsTests.SeedAsync(db);

        var found = Assert.Single(await review.FindAsync());
        var view = await review.CompareAsync(found.LeftId, found.RightId);

        Assert.Equal((Math.Min(a, b), Math.Max(a, b)), (found.LeftId, found.RightId));
        Assert.Equal(found.Score, view!.Score, 9);
        Assert.Equal(found.Decision, view.Decision);
        Assert.Contains("birth date Placeholder", found.Evidence!.ToString());
        Assert.Equal("Placeholder", view.Evidence.Single(e => e.Field == "Birth date").Level);
    }

    [Fact]
    public async Task Compare_AnyTwoPeople_ExplainsWhyNotLinked()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var a = await AddPersonAsync(db, "Yousif Hanna", "Kassab", new DateOnly(1975, 3, 24));
        var b = await AddPersonAsync(db, "Rami Hanna", "Kassab", new DateOnly(1978, 10, 2));

        Assert.Empty(await review.FindAsync());
        var view = await review.CompareAsync(a, b);

        Assert.Equal(Stayline.Domain.Matching.MatchDecision.Different, view!.Decision);
        Assert.Equal("Conflicting", view.Evidence.Single(e => e.Field == "Name").Level);
        Assert.Equal("Different", view.Evidence.Single(e => e.Field == "Birth date").Level);
    }

    [Fact]
    public async Task Merge_DifferentANumbers_Refused()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var a = await AddPersonAsync(db, "Yousif", "Kassab", new DateOnly(1971, 3, 2), "A012345678");
        var b = await AddPersonAsync(db, "Yousif", "Kassab", new DateOnly(1971, 3, 2), "A087654321");

        var outcome = await review.MergeAsync(a, b);

        Assert.False(outcome.Done);
        Assert.Contains("different A-numbers", outcome.Message);
        Assert.Equal(2, await db.People.CountAsync());
    }

    [Fact]
    public async Task ReviewPages_MergeThroughTheForms_AndViewerIsRefused()
    {
        await using var app = await TestApp.StartAsync();
        long a, b;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            a = await AddPersonAsync(db, "Yusuf", "Al Jaburi", new DateOnly(1969, 7, 21));
            b = await AddPersonAsync(db, "Yousif", "Aljabouri", new DateOnly(1969, 7, 21));
        }

        var viewer = await app.SignedInAsync("viewer");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await viewer.GetAsync("/Review")).StatusCode);
        var attorney = await app.SignedInAsync("attorney");
        var list = await attorney.GetStringAsync("/Review");
        Assert.True(list.Contains("Yusuf Al Jaburi", StringComparison.Ordinal), list);
        Assert.Contains($"/Review/Pair?left={a}&right={b}", list);
        var pairUrl = $"/Review/Pair?left={a}&right={b}";
        var page = await attorney.GetStringAsync(pairUrl);
        Assert.Contains("Moves to Yusuf Al Jaburi", page);

        var response = await TestApp.PostFormAsync(attorney, pairUrl, "/Review/Pair?handler=Merge",
            new Dictionary<string, string> { ["Left"] = a.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Right"] = b.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Contains("Merged Yousif Aljabouri", await response.Content.ReadAsStringAsync());
        await using var check = app.Scope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<StaylineDbContext>().People.CountAsync());
    }
}
