using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stayline.Data;
using Stayline.Domain.Board;
using Stayline.Domain.Common;
using Stayline.Domain.Organisations;
using Stayline.Domain.Work;
using Stayline.Infrastructure;

namespace Stayline.Features.Board;

/// <summary>Settings under Stayline:Board.</summary>
public sealed class BoardOptions
{
    public const string Section = "Stayline:Board";

    /// <summary>Hours a post may stay unclaimed before it is flagged on the dashboard and the coordinators are emailed.</summary>
    public int EscalateAfterHours { get; set; } = 24;

    /// <summary>Seconds between runs of the watcher that escalates posts and sends the emails.</summary>
    public int CheckSeconds { get; set; } = 60;

    /// <summary>Run the watcher in the web server.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// A card on the board: only what a volunteer needs to decide. The person's id and name are filled in only for a reader
/// who may see the person (their organisation's client or shared with it); never notes, matters or documents.
/// </summary>
public sealed record CardDto(long Id, string District, long? FacilityId, string? Facility, IReadOnlyList<string> Needs, IReadOnlyList<string> Languages,
    DateTimeOffset PostedAt, int HoursOpen, bool Escalated, long? PersonId, string? PersonName);

public sealed record BoardPage(IReadOnlyList<CardDto> Cards, IReadOnlyList<(string District, int Open)> Districts, int Total);

public sealed record SuggestionDto(string UserId, string Name, string? Email, int LanguageMatches, int Spare, int Load, int Capacity, IReadOnlyList<string> Languages);

public sealed record AdmissionDto(AdmissionKind Kind, string Jurisdiction, string? BarNumber, DateOnly? AdmittedOn);

public sealed record ProfileDto(string UserId, string Name, string? Email, IReadOnlyList<AdmissionDto> Admissions, string? Languages, int? Capacity, int Load);

public sealed record ProfileWrite(IReadOnlyList<AdmissionDto>? Admissions, string? Languages, int? Capacity);

public enum BoardOutcome
{
    Done,
    NotFound,
    Forbidden,
    Invalid,

    /// <summary>Someone else got there first (claimed or withdrew it).</summary>
    Conflict,
}

/// <summary>What a board action did; <see cref="Said"/> for a page (said in the reader's language), <see cref="Message"/> the
/// English sentence (API, CLI).</summary>
public sealed record BoardResult(BoardOutcome Outcome, [property: System.Text.Json.Serialization.JsonIgnore] Sentence Said, long? PostId = null)
{
    /// <summary>A result read back from the API (its message as the English it says).</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public BoardResult(BoardOutcome outcome, string message, long? postId)
        : this(outcome, Sentence.Verbatim(message), postId)
    {
    }

    public string Message => Said.ToString();
}

/// <summary>
/// The volunteer case board (ADR 0009): posting, the cross-organisation list of cards, claiming (admission, capacity,
/// one winner), suggestions, escalation of unclaimed posts, and attorneys' profiles.
/// </summary>
public sealed class BoardService(StaylineDbContext db, TimeProvider clock, IOptions<BoardOptions> options)
{
    public const int MaxPage = 500;

    public int EscalateAfterHours => Math.Max(1, options.Value.EscalateAfterHours);

    /// <summary>Open posts, by district then oldest first; the districts with their counts for the filter.</summary>
    public async Task<BoardPage> OpenAsync(string? district, int skip, int take, CancellationToken ct)
    {
        var open = db.CasePosts.AsNoTracking().Where(p => p.Status == CasePostStatus.Open);
        var districts = (await open.GroupBy(p => p.District).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => (d.Key, d.Count)).ToList();
        var filtered = district is null ? open : open.Where(p => p.District == district);
        var total = district is null ? districts.Sum(d => d.Count) : districts.Where(d => d.Key == district).Sum(d => d.Count);
        var rows = await (from p in filtered.OrderBy(p => p.District).ThenBy(p => p.PostedAt).ThenBy(p => p.Id).Skip(skip).Take(take)
                          // People under the visibility filter: another organisation's client leaves the name empty.
                          join v in db.People on p.PersonId equals v.Id into vs
                          from v in vs.DefaultIfEmpty()
                          join f in db.Facilities on p.FacilityId equals f.Id into fs
                          from f in fs.DefaultIfEmpty()
                          select new { Post = p, VisibleId = (long?)v.Id, v.GivenName, v.FamilyName, Facility = f.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var cards = rows.Select(r => Card(r.Post, r.Facility, r.VisibleId, r.VisibleId is null ? null : $"{r.GivenName} {r.FamilyName}".Trim(), now)).ToList();
        return new BoardPage(cards, districts, total);
    }

    /// <summary>One post, for a reader who may see its person (others get null, as for a post that does not exist).</summary>
    public async Task<CardDto?> DetailsAsync(long id, CancellationToken ct)
    {
        var row = await (from p in db.CasePosts.AsNoTracking().Where(p => p.Id == id)
                         join v in db.People on p.PersonId equals v.Id
                         join f in db.Facilities on p.FacilityId equals f.Id into fs
                         from f in fs.DefaultIfEmpty()
                         select new { Post = p, v.Id, v.GivenName, v.FamilyName, Facility = f.Name }).FirstOrDefaultAsync(ct);
        return row is null ? null : Card(row.Post, row.Facility, row.Id, $"{row.GivenName} {row.FamilyName}".Trim(), clock.GetUtcNow());
    }

    public Task<CasePost?> PostEntityAsync(long id, CancellationToken ct) => db.CasePosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The open post of a person, if any (through the visibility filter).</summary>
    public Task<long?> OpenPostOfAsync(long personId, CancellationToken ct) =>
        db.CasePosts.Where(p => p.PersonId == personId && p.Status == CasePostStatus.Open && db.People.Any(v => v.Id == personId))
            .Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);

    private CardDto Card(CasePost p, string? facility, long? personId, string? name, DateTimeOffset now) =>
        new(p.Id, p.District, p.FacilityId, facility, NeedList(p.Needs), p.LanguageList, p.PostedAt, (int)Math.Max(0, (now - p.PostedAt).TotalHours),
            p.EscalatedAt is not null, personId, name);

    public static IReadOnlyList<string> NeedList(CaseNeeds needs) =>
        [.. new[] { (CaseNeeds.Habeas, "habeas"), (CaseNeeds.Motion, "motion"), (CaseNeeds.Bond, "bond") }.Where(x => needs.HasFlag(x.Item1)).Select(x => x.Item2)];

    public static CaseNeeds ParseNeeds(IEnumerable<string>? names, List<string> errors)
    {
        var needs = CaseNeeds.None;
        foreach (var n in names ?? [])
        {
            switch (n.Trim().ToLowerInvariant())
            {
                case "habeas": needs |= CaseNeeds.Habeas; break;
                case "motion": needs |= CaseNeeds.Motion; break;
                case "bond": needs |= CaseNeeds.Bond; break;
                default: errors.Add($"needs: \"{n}\" is not one of habeas, motion, bond."); break;
            }
        }

        return needs;
    }

    /// <summary>
    /// Posts a person's case: the district comes from the person's current facility in the catalogue. Only an admin of
    /// the person's organisation (or one who sees everyone) posts, and a person has at most one open post.
    /// </summary>
    public async Task<BoardResult> PostAsync(long personId, CaseNeeds needs, string? languages, AuditActor actor, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.Id, p.OrganisationId, p.CurrentFacilityId, p.GivenName, p.FamilyName }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return new BoardResult(BoardOutcome.NotFound, Sentence.Of($"No such person."));
        }

        if (!db.Visibility.ActsFor(person.OrganisationId))
        {
            return new BoardResult(BoardOutcome.Forbidden, Sentence.Of($"Only the person's own organisation posts their case."));
        }

        var facility = person.CurrentFacilityId is { } fid ? await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fid, ct) : null;
        if (facility is null)
        {
            return new BoardResult(BoardOutcome.Invalid, Sentence.Of($"{person.GivenName} {person.FamilyName} has no current facility: record where they are held first (the district comes from it)."));
        }

        if (facility.District is null)
        {
            return new BoardResult(BoardOutcome.Invalid, Sentence.Of($"{facility.Name} has no federal district in the facility catalogue: correct the facility first."));
        }

        if (needs == CaseNeeds.None)
        {
            return new BoardResult(BoardOutcome.Invalid, Sentence.Of($"Say what the case needs: habeas, motion or bond (one or more)."));
        }

        if (languages is { Length: > CasePost.LanguagesLength })
        {
            return new BoardResult(BoardOutcome.Invalid, Sentence.Of($"Languages: at most {CasePost.LanguagesLength} characters."));
        }

        if (await db.CasePosts.AnyAsync(p => p.PersonId == personId && p.Status == CasePostStatus.Open, ct))
        {
            return new BoardResult(BoardOutcome.Invalid, Sentence.Of($"{person.GivenName} {person.FamilyName} is already on the board."));
        }

        var post = new CasePost(personId, person.OrganisationId, facility.District, facility.Id, needs, languages, clock.GetUtcNow(), actor.UserId, actor.UserName);
        db.CasePosts.Add(post);
        await db.SaveChangesAsync(ct);
        return new BoardResult(BoardOutcome.Done, Sentence.Of($"Posted on the board for the {facility.District}."), post.Id);
    }

    /// <summary>
    /// Claims a post for a volunteer: refused outside their federal admissions or capacity (the reason named); otherwise
    /// the post is marked claimed, the volunteer assigned, and the person shared with the volunteer's organisation when it
    /// is not theirs, in one save. Two claims of one post at once: the post's version makes the second save fail, and it
    /// is told so. One volunteer's claims of two posts at once: each save also changes the volunteer's concurrency stamp,
    /// so the later one fails and is tried again with the load the first left (refused when that reached the capacity).
    /// </summary>
    public async Task<BoardResult> ClaimAsync(long postId, AuditActor actor, CancellationToken ct)
    {
        if (actor.UserId is null)
        {
            return new BoardResult(BoardOutcome.Forbidden, Sentence.Of($"Sign in as the attorney who claims the case."));
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryClaimAsync(postId, actor.UserId, actor, ct);
            }
            catch (DbUpdateConcurrencyException e) when (attempt < 5 && e.Entries.Any(x => x.Entity is StaylineUser) && e.Entries.All(x => x.Entity is not CasePost))
            {
                // The volunteer's own other claim saved first: read their load again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<BoardResult> TryClaimAsync(long postId, string userId, AuditActor actor, CancellationToken ct)
    {
        var post = await db.CasePosts.FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null)
        {
            return new BoardResult(BoardOutcome.NotFound, Sentence.Of($"No such post on the board."));
        }

        // The stamp is read before the load: a claim of theirs saved in between changes it, so this save fails and is
        // tried again (read after the load, it could be the newer stamp with the older load).
        var claimant = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        var volunteer = (await VolunteersAsync([userId], ct)).FirstOrDefault();
        if (volunteer is null || claimant is null)
        {
            return new BoardResult(BoardOutcome.Forbidden, Sentence.Of($"Your account cannot claim cases."));
        }

        if (Volunteers.Refusal(volunteer, post) is { } refusal)
        {
            return new BoardResult(post.IsOpen ? BoardOutcome.Invalid : BoardOutcome.Conflict, refusal, post.Id);
        }

        var now = clock.GetUtcNow();
        var organisation = await Organisations.AssignmentConflicts.OrganisationOfAsync(db, userId, ct);
        var blocks = await Organisations.AssignmentConflicts.BlocksAsync(db, [post.PersonId], organisation, actor, now, save: true, ct);
        if (blocks.TryGetValue(post.PersonId, out var block))
        {
            return new BoardResult(BoardOutcome.Invalid, Sentence.Of($"Not claimed: {block.Said}. Your organisation's checks that wait for a decision are listed on the board."), post.Id);
        }

        post.Claim(userId, now);
        db.Assignments.Add(new Assignment(post.PersonId, userId, clock.Today()));
        claimant.ConcurrencyStamp = Guid.NewGuid().ToString();
        var userOrg = claimant.OrganisationId;
        var shared = false;
        if (userOrg is { } org && await db.PeopleHiddenFrom(Visibility.For(org, coordinatingAdmin: false)).AnyAsync(p => p.Id == post.PersonId, ct))
        {
            db.PersonShares.Add(new PersonShare(post.PersonId, org, userId, actor.UserName, now));
            shared = true;
        }

        db.AuditEvents.Add(new AuditEvent(now, userId, actor.UserName, "claim", nameof(CasePost), post.Id.ToString(CultureInfo.InvariantCulture), post.PersonId,
            null, JsonSerializer.Serialize(new { post.District, load = volunteer.Load + 1, capacity = volunteer.Capacity, sharedWithOrganisation = shared ? userOrg : null })));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException c || c.Entries.Any(x => x.Entity is CasePost) || !c.Entries.Any(x => x.Entity is StaylineUser))
        {
            // The post changed since it was read (another claim, a withdrawal); the volunteer's stamp alone goes to ClaimAsync.
            db.ChangeTracker.Clear();
            return new BoardResult(BoardOutcome.Conflict, Sentence.Of($"Another volunteer claimed this case a moment before you; it is no longer on the board."), postId);
        }

        return new BoardResult(BoardOutcome.Done, Sentence.Of($"You are now assigned to this case ({post.District})."), post.Id);
    }

    /// <summary>Takes a post off the board (its organisation's admins, or one who sees everyone).</summary>
    public async Task<BoardResult> WithdrawAsync(long postId, CancellationToken ct)
    {
        var post = await db.CasePosts.FirstOrDefaultAsync(p => p.Id == postId && db.People.Any(v => v.Id == p.PersonId), ct);
        if (post is null)
        {
            return new BoardResult(BoardOutcome.NotFound, Sentence.Of($"No such post on the board."));
        }

        if (!db.Visibility.ActsFor(post.OrganisationId))
        {
            return new BoardResult(BoardOutcome.Forbidden, Sentence.Of($"Only the organisation that posted the case withdraws it."));
        }

        if (!post.IsOpen)
        {
            return new BoardResult(BoardOutcome.Conflict, Sentence.Of($"The post is no longer open."));
        }

        post.Withdraw();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new BoardResult(BoardOutcome.Conflict, Sentence.Of($"The post changed (claimed a moment ago?); reload the board."));
        }

        return new BoardResult(BoardOutcome.Done, Sentence.Of($"Withdrawn from the board."), post.Id);
    }

    /// <summary>Attorneys admitted to the post's district with room for it, best first (null when the reader may not see the post).</summary>
    public async Task<IReadOnlyList<SuggestionDto>?> SuggestAsync(long postId, CancellationToken ct)
    {
        var post = await db.CasePosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId && db.People.Any(v => v.Id == p.PersonId), ct);
        if (post is null)
        {
            return null;
        }

        var admitted = await db.BarAdmissions.AsNoTracking().Where(a => a.Kind == AdmissionKind.FederalDistrict && a.Jurisdiction == post.District)
            .Select(a => a.UserId).Distinct().ToListAsync(ct);
        var volunteers = await VolunteersAsync(admitted, ct);
        var emails = await db.Users.AsNoTracking().Where(u => admitted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        return Volunteers.Suggest(post, volunteers).Select(s => new SuggestionDto(s.Volunteer.UserId, s.Volunteer.Name, emails.GetValueOrDefault(s.Volunteer.UserId),
            s.LanguageMatches, s.Spare, s.Volunteer.Load, s.Volunteer.Capacity ?? 0, s.Volunteer.Languages)).ToList();
    }

    /// <summary>Attorneys and admins (not disabled) with their admissions and current load: every open assignment, in
    /// whatever organisation (the load is theirs, not the reader's view of it).</summary>
    public async Task<List<Volunteer>> VolunteersAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var roles = await db.Roles.Where(r => r.Name == Roles.Attorney || r.Name == Roles.Admin).Select(r => r.Id).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && !u.Disabled && db.UserRoles.Any(ur => ur.UserId == u.Id && roles.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Languages, u.Capacity }).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var admissions = (await db.BarAdmissions.AsNoTracking().Where(a => ids.Contains(a.UserId)).ToListAsync(ct)).ToLookup(a => a.UserId);
        var loads = await db.Assignments.IgnoreQueryFilters([StaylineDbContext.VisibilityFilter]).Where(a => a.To == null && ids.Contains(a.UserId))
            .GroupBy(a => a.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return users.Select(u => new Volunteer(u.Id, string.IsNullOrEmpty(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, admissions[u.Id].ToList(),
            Languages.Split(u.Languages), u.Capacity, loads.GetValueOrDefault(u.Id))).ToList();
    }

    /// <summary>Escalated open posts whose person the reader may see, oldest first (the dashboard's flag).</summary>
    public async Task<(IReadOnlyList<CardDto> Cards, int Total)> EscalatedAsync(int take, CancellationToken ct)
    {
        var q = db.CasePosts.AsNoTracking().Where(p => p.Status == CasePostStatus.Open && p.EscalatedAt != null && db.People.Any(v => v.Id == p.PersonId));
        var total = await q.CountAsync(ct);
        var rows = await (from p in q.OrderBy(p => p.PostedAt).ThenBy(p => p.Id).Take(take)
                          join v in db.People on p.PersonId equals v.Id
                          join f in db.Facilities on p.FacilityId equals f.Id into fs
                          from f in fs.DefaultIfEmpty()
                          select new { Post = p, v.Id, v.GivenName, v.FamilyName, Facility = f.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return (rows.Select(r => Card(r.Post, r.Facility, r.Id, $"{r.GivenName} {r.FamilyName}".Trim(), now)).ToList(), total);
    }

    /// <summary>
    /// Flags every open post older than the configured hours (once). A single conditional update, not a tracked save: a
    /// volunteer's claim that read the post a moment before is not turned into a false "claimed by another".
    /// </summary>
    public async Task<int> EscalateAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now.AddHours(-EscalateAfterHours);
        var due = await db.CasePosts.AsNoTracking().Where(p => p.Status == CasePostStatus.Open && p.EscalatedAt == null && p.PostedAt <= cutoff)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.PersonId }).Take(5000).ToListAsync(ct);
        var done = 0;
        foreach (var d in due)
        {
            if (await db.CasePosts.Where(p => p.Id == d.Id && p.EscalatedAt == null).ExecuteUpdateAsync(u => u.SetProperty(p => p.EscalatedAt, now), ct) == 1)
            {
                db.AuditEvents.Add(new AuditEvent(now, null, "system", "escalate", nameof(CasePost), d.Id.ToString(CultureInfo.InvariantCulture), d.PersonId, null,
                    JsonSerializer.Serialize(new { hours = EscalateAfterHours })));
                done++;
            }
        }

        if (done > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return done;
    }

    public async Task<ProfileDto?> ProfileAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }

        var admissions = await db.BarAdmissions.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Kind).ThenBy(a => a.Jurisdiction).ToListAsync(ct);
        var load = await db.Assignments.IgnoreQueryFilters([StaylineDbContext.VisibilityFilter]).CountAsync(a => a.UserId == userId && a.To == null, ct);
        return new ProfileDto(user.Id, string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName, user.Email,
            admissions.Select(a => new AdmissionDto(a.Kind, a.Jurisdiction, a.BarNumber, a.AdmittedOn)).ToList(), user.Languages, user.Capacity, load);
    }

    /// <summary>Replaces a profile's admissions, languages and capacity; audited (the admissions by the save, the user's
    /// fields by an explicit event). Returns the problems instead when any row is wrong; nothing is half-saved.</summary>
    public async Task<IReadOnlyList<Sentence>> SaveProfileAsync(string userId, ProfileWrite write, AuditActor actor, CancellationToken ct)
    {
        var errors = new List<Sentence>();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return [Sentence.Of($"No such user.")];
        }

        if (write.Capacity is < 0 or > 10000)
        {
            errors.Add(Sentence.Of($"Capacity: {write.Capacity} is not a number of open cases between 0 and 10,000."));
        }

        if (write.Languages is { Length: > 200 })
        {
            errors.Add(Sentence.Of($"Languages: at most 200 characters."));
        }

        var rows = write.Admissions ?? [];
        if (rows.Count > 60)
        {
            errors.Add(Sentence.Of($"At most 60 admissions."));
        }

        var admissions = new List<BarAdmission>();
        for (var i = 0; i < rows.Count && i < 60; i++)
        {
            var (a, e) = BarAdmission.Create(userId, rows[i].Kind, rows[i].Jurisdiction, rows[i].BarNumber, rows[i].AdmittedOn, i + 1);
            errors.AddRange(e.Select(x => x.Sentence));
            if (a is not null)
            {
                if (admissions.Any(x => x.Kind == a.Kind && x.Jurisdiction == a.Jurisdiction))
                {
                    errors.Add(Sentence.Of($"Admission {i + 1}: {a.Jurisdiction} is listed twice."));
                }

                admissions.Add(a);
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var before = new { user.Languages, user.Capacity };
        user.Languages = string.IsNullOrWhiteSpace(write.Languages) ? null : write.Languages.Trim();
        user.Capacity = write.Capacity;
        db.BarAdmissions.RemoveRange(await db.BarAdmissions.Where(a => a.UserId == userId).ToListAsync(ct));
        db.BarAdmissions.AddRange(admissions);
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), actor.UserId, actor.UserName, "update", "AttorneyProfile", userId, null, JsonSerializer.Serialize(before),
            JsonSerializer.Serialize(new { user.Languages, user.Capacity, admissions = admissions.Select(a => a.Describe()) })));
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Whether the reader may edit this user's profile: their own, or as an admin, a user of their organisation
    /// (an admin who sees everyone: anyone's).</summary>
    public async Task<bool> MayEditProfileAsync(string readerId, bool readerIsAdmin, string userId, CancellationToken ct)
    {
        if (readerId == userId)
        {
            return true;
        }

        if (!readerIsAdmin)
        {
            return false;
        }

        if (db.Visibility.All)
        {
            return true;
        }

        var org = await db.Users.Where(u => u.Id == userId).Select(u => u.OrganisationId).FirstOrDefaultAsync(ct);
        return org is not null && org == db.Visibility.OrganisationId;
    }
}
