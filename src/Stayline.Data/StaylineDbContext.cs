using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Stayline.Domain.Board;
using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Domain.Hotline;
using Stayline.Domain.Matters;
using Stayline.Domain.Organisations;
using Stayline.Domain.People;
using Stayline.Domain.Records;
using Stayline.Domain.Respondents;
using Stayline.Domain.Work;

namespace Stayline.Data;

public sealed class StaylineDbContext(DbContextOptions<StaylineDbContext> options, IAuditActorSource? actors = null, TimeProvider? clock = null,
    IEnumerable<IFactsChangedHandler>? factsChanged = null, IVisibilitySource? visibility = null)
    : IdentityDbContext<StaylineUser>(options), IDataProtectionKeyContext
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    // Read at save time, not at construction: the context may be created before sign-in is known
    // (the token handler itself uses it).
    private AuditActor Actor => actors?.Current ?? AuditActor.System;

    private Visibility? _scopedTo;
    private int _unscoped;

    /// <summary>Whose people this context's queries see (read at each query, like the actor): the signed-in user's,
    /// unless <see cref="ScopeTo"/> named another reader; everyone when there is no user (command line, jobs).</summary>
    public Visibility Visibility => _scopedTo ?? visibility?.Current ?? Visibility.Everyone;

    /// <summary>Queries of this context see what <paramref name="reader"/> may see (a calendar feed read for its owner).</summary>
    public void ScopeTo(Visibility reader) => _scopedTo = reader;

    // The two values the visibility filters read (EF Core reads them from the context running the query).
    private bool VisibleToAll => _unscoped > 0 || Visibility.All;

    private long VisibleOrganisationId => Visibility.OrganisationOrNone;

    /// <summary>
    /// The users a reader may list, manage and assign: their own organisation's (every user for a reader who sees all).
    /// Not a query filter: sign-in, security stamps and tokens must find any user before anyone is signed in.
    /// </summary>
    public IQueryable<StaylineUser> VisibleUsers => Users.Where(u => VisibleToAll || u.OrganisationId == VisibleOrganisationId);

    /// <summary>Whether the reader may see and manage <paramref name="user"/> (<see cref="VisibleUsers"/>'s rule for a loaded user).</summary>
    public bool Sees(StaylineUser user) => VisibleToAll || user.OrganisationId == VisibleOrganisationId;

    /// <summary>
    /// The people <paramref name="reader"/> sees, for checks made on someone else's behalf (the attorney an assignment
    /// or a claim is for); <see cref="PeopleHiddenFrom"/> the others. The rule of the query filter below, with the
    /// reader given instead of taken from the session.
    /// </summary>
    public IQueryable<Person> PeopleSeenBy(Visibility reader) => People.IgnoreQueryFilters([VisibilityFilter]).Where(SeenBy(reader));

    /// <summary>The people <paramref name="reader"/> may not see (the complement of <see cref="PeopleSeenBy"/>).</summary>
    public IQueryable<Person> PeopleHiddenFrom(Visibility reader)
    {
        var seen = SeenBy(reader);
        return People.IgnoreQueryFilters([VisibilityFilter]).Where(Expression.Lambda<Func<Person, bool>>(Expression.Not(seen.Body), seen.Parameters));
    }

    private Expression<Func<Person, bool>> SeenBy(Visibility reader)
    {
        var all = reader.All;
        var organisation = reader.OrganisationOrNone;
        return p => all || p.OrganisationId == organisation || PersonShares.Any(s => s.PersonId == p.Id && s.OrganisationId == organisation);
    }

    /// <summary>The name of the query filter that scopes people by organisation (<see cref="ApplyVisibilityFilters"/>).</summary>
    public const string VisibilityFilter = "visibility";

    /// <summary>Who the changes of this context are audited as (a bulk action records it on its batch).</summary>
    public AuditActor CurrentActor => Actor;

    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonName> PersonNames => Set<PersonName>();
    public DbSet<PersonNameToken> NameTokens => Set<PersonNameToken>();

    public DbSet<PersonNameKey> NameKeys => Set<PersonNameKey>();
    public DbSet<DerivedVersion> DerivedVersions => Set<DerivedVersion>();
    public DbSet<FamilyContact> FamilyContacts => Set<FamilyContact>();
    public DbSet<Facility> Facilities => Set<Facility>();
    public DbSet<CustodyEpisode> CustodyEpisodes => Set<CustodyEpisode>();
    public DbSet<PersonEvent> PersonEvents => Set<PersonEvent>();
    public DbSet<RemovalOrder> RemovalOrders => Set<RemovalOrder>();
    public DbSet<Conviction> Convictions => Set<Conviction>();
    public DbSet<Matter> Matters => Set<Matter>();
    public DbSet<MatterEvent> MatterEvents => Set<MatterEvent>();
    public DbSet<Hearing> Hearings => Set<Hearing>();
    public DbSet<RecordsRequest> RecordsRequests => Set<RecordsRequest>();
    public DbSet<ReliefClaim> ReliefClaims => Set<ReliefClaim>();
    public DbSet<BondCase> BondCases => Set<BondCase>();
    public DbSet<ClassAction> ClassActions => Set<ClassAction>();
    public DbSet<ClassMembership> ClassMemberships => Set<ClassMembership>();
    public DbSet<CourtOrder> CourtOrders => Set<CourtOrder>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<OfficeHolder> OfficeHolders => Set<OfficeHolder>();
    public DbSet<RespondentRule> RespondentRules => Set<RespondentRule>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ReadJournalSegment> ReadJournalSegments => Set<ReadJournalSegment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DocumentTemplate> DocumentTemplates => Set<DocumentTemplate>();
    public DbSet<GeneratedDocument> GeneratedDocuments => Set<GeneratedDocument>();
    public DbSet<SavedFilter> SavedFilters => Set<SavedFilter>();
    public DbSet<PersonProtection> Protections => Set<PersonProtection>();
    public DbSet<PersonDeadline> Deadlines => Set<PersonDeadline>();
    public DbSet<CourtClosureDay> CourtClosures => Set<CourtClosureDay>();
    public DbSet<DeadlineReminder> DeadlineReminders => Set<DeadlineReminder>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<BulkBatch> BulkBatches => Set<BulkBatch>();
    public DbSet<ImportBatchRow> ImportRows => Set<ImportBatchRow>();
    public DbSet<ImportCreatedRange> ImportCreated => Set<ImportCreatedRange>();
    public DbSet<ImportSourceMapping> ImportMappings => Set<ImportSourceMapping>();
    public DbSet<ImportJobRecord> ImportJobs => Set<ImportJobRecord>();
    public DbSet<ImportJobError> ImportJobErrors => Set<ImportJobError>();
    public DbSet<NotSamePerson> NotSamePeople => Set<NotSamePerson>();
    public DbSet<MergeRecord> Merges => Set<MergeRecord>();
    public DbSet<DuplicateRun> DuplicateRuns => Set<DuplicateRun>();
    public DbSet<DuplicatePair> DuplicatePairs => Set<DuplicatePair>();
    public DbSet<HotlineReport> HotlineReports => Set<HotlineReport>();
    public DbSet<HotlineCall> HotlineCalls => Set<HotlineCall>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<PersonShare> PersonShares => Set<PersonShare>();
    public DbSet<AdverseParty> AdverseParties => Set<AdverseParty>();
    public DbSet<ConflictCheck> ConflictChecks => Set<ConflictCheck>();
    public DbSet<BarAdmission> BarAdmissions => Set<BarAdmission>();

    /// <summary>The volunteer case board. Deliberately not scoped by the person's visibility: volunteers of every
    /// organisation see the cards (district, facility, needs, languages; no name unless they may see the person).</summary>
    public DbSet<CasePost> CasePosts => Set<CasePost>();

    /// <summary>ASP.NET Core Data Protection's key ring (it signs and encrypts sign-in cookies and antiforgery tokens),
    /// shared by every web node on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StaylineDbContext).Assembly);
        ApplyVisibilityFilters(builder);
        builder.Entity<StaylineUser>().HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        if (!IsSqlite)
        {
            builder.Entity<PersonNameToken>().Property(t => t.Token).UseCollation("C");
            builder.Entity<PersonNameKey>().Property(t => t.Token).UseCollation("C");
        }
    }

    /// <summary>
    /// Organisation scoping, enforced here once for every EF query: a reader sees a person of their organisation or
    /// shared with it (or everyone, <see cref="Visibility.All"/>), and every row that belongs to a person follows the
    /// person, so lists, boards, counts, navigations and joins all leave out people the reader may not see. SQL below
    /// EF Core uses the same rule through <see cref="Visibility.SqlPredicate"/>.
    /// </summary>
    private void ApplyVisibilityFilters(ModelBuilder builder)
    {
        builder.Entity<Person>().HasQueryFilter(VisibilityFilter, p => VisibleToAll || p.OrganisationId == VisibleOrganisationId
            || PersonShares.Any(s => s.PersonId == p.Id && s.OrganisationId == VisibleOrganisationId));
        FollowsPerson<PersonName>(builder);
        // The token row carries its person's organisation: the filter reads the row it is on, and only a row of
        // another organisation looks for a share (docs/benchmarks/scoping.md: the EXISTS on people made the
        // search ten times slower).
        builder.Entity<PersonNameToken>().HasQueryFilter(VisibilityFilter, t => VisibleToAll || t.OrganisationId == VisibleOrganisationId
            || PersonShares.Any(s => s.PersonId == t.PersonId && s.OrganisationId == VisibleOrganisationId));
        FollowsPerson<FamilyContact>(builder);
        FollowsPerson<CustodyEpisode>(builder);
        FollowsPerson<PersonEvent>(builder);
        FollowsPerson<RemovalOrder>(builder);
        FollowsPerson<Conviction>(builder);
        FollowsPerson<Matter>(builder);
        FollowsPerson<Hearing>(builder);
        FollowsPerson<RecordsRequest>(builder);
        FollowsPerson<ReliefClaim>(builder);
        FollowsPerson<BondCase>(builder);
        FollowsPerson<ClassMembership>(builder);
        FollowsPerson<Assignment>(builder);
        FollowsPerson<Note>(builder);
        FollowsPerson<Alert>(builder);
        FollowsPerson<PersonProtection>(builder);
        FollowsPerson<PersonDeadline>(builder);
        FollowsPerson<GeneratedDocument>(builder);
        FollowsPerson<DeadlineReminder>(builder);
        FollowsPerson<AdverseParty>(builder);
        // The audit log shows what changed (names, facts): a reader who does not see everyone sees only the entries about
        // people they may see.
        // Hotline reports and calls belong to the organisation that took them; others see one once it is about a person they see.
        builder.Entity<HotlineReport>().HasQueryFilter(VisibilityFilter, r => VisibleToAll || r.OrganisationId == VisibleOrganisationId
            || (r.PersonId != null && People.Any(p => p.Id == r.PersonId)));
        builder.Entity<HotlineCall>().HasQueryFilter(VisibilityFilter, c => VisibleToAll || c.OrganisationId == VisibleOrganisationId
            || (c.PersonId != null && People.Any(p => p.Id == c.PersonId)));
        builder.Entity<AuditEvent>().HasQueryFilter(VisibilityFilter, e => VisibleToAll || (e.PersonId != null && People.Any(p => p.Id == e.PersonId)));
        builder.Entity<MatterEvent>().HasQueryFilter(VisibilityFilter, e => VisibleToAll || Matters.Any(m => m.Id == e.MatterId));
    }

    private void FollowsPerson<TEntity>(ModelBuilder builder)
        where TEntity : class =>
        builder.Entity<TEntity>().HasQueryFilter(VisibilityFilter, e => VisibleToAll || People.Any(p => p.Id == EF.Property<long>(e, "PersonId")));

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        if (IsSqlite)
        {
            // SQLite cannot order or compare DateTimeOffset stored as text; store UTC ticks instead.
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            builder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Every save bumps versions (optimistic concurrency), keeps the name-token index in step and writes
    /// audit events (who, when, before, after), all in one transaction.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // What a save derives (name tokens, protection, deadlines, alerts) is kept for everyone, whoever saves.
        _unscoped++;
        try
        {
            return await SaveScopedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            _unscoped--;
        }
    }

    private async Task<int> SaveScopedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        await FillOrganisationsAsync(cancellationToken);
        var pending = new List<PendingAudit>();
        var deadlinePeople = new List<long>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified && entry.Entity is IVersioned versioned)
            {
                versioned.Version++;
            }

            if (entry.Entity is PersonDeadline deadline && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                // A deadline saved here (one entered by hand): the person's earliest open deadline is refreshed below.
                deadlinePeople.Add(deadline.PersonId);
                deadlinePeople.Add(entry.Property(nameof(PersonDeadline.PersonId)).OriginalValue is long former ? former : deadline.PersonId);
            }

            if (entry.Entity is AuditEvent or PersonNameToken or ApiToken || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.Metadata.ClrType.Assembly != typeof(Person).Assembly)
            {
                continue; // Identity tables are audited by the user commands that change them.
            }

            var changed = entry.State == EntityState.Modified
                ? entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal)
                : null;
            pending.Add(new PendingAudit(entry, entry.State, changed, entry.State == EntityState.Added ? null : Snapshot(entry, original: true, changed),
                FormerPersonIdOf(entry)));
        }

        if (pending.Count == 0 && deadlinePeople.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = _clock.GetUtcNow();
            var touchedPeople = new HashSet<long>();
            foreach (var p in pending)
            {
                var action = p.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" };
                var after = p.State == EntityState.Deleted ? null : Snapshot(p.Entry, original: false, p.Changed);
                var personId = PersonIdOf(p.Entry);
                if (p.Entry.Entity is Person or PersonName && personId is { } pid)
                {
                    touchedPeople.Add(pid);
                }

                if (p.Entry.Entity is PersonName && p.FormerPersonId is { } former)
                {
                    touchedPeople.Add(former); // an alias moved away (a merge undone): its tokens leave the other person
                }

                AuditEvents.Add(new AuditEvent(now, Actor.UserId, Actor.UserName, action, p.Entry.Metadata.ClrType.Name,
                    KeyOf(p.Entry), personId, p.Before, after));
            }

            await RefreshNameTokensAsync(touchedPeople, cancellationToken);
            if (factsChanged is not null && FactChanges.From(pending.Select(p => (p.Entry, p.State, p.FormerPersonId))) is { IsEmpty: false } changes)
            {
                // What derives from the facts (protection and deadlines, transfer alerts) changes in the same transaction
                // as the facts: no write path can forget it. Handlers run in the order they were registered.
                foreach (var handler in factsChanged)
                {
                    await handler.OnFactsChangedAsync(this, changes, cancellationToken);
                }
            }

            // After the recompute, which knows only the derived deadlines.
            await Bulk.DerivedWrite.RefreshNextDueAsync(Bulk.BulkTarget.Of(this), [.. deadlinePeople.Distinct()], cancellationToken);

            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            DetachDerivedRows();
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        catch
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.RollbackAsync(cancellationToken);
            }

            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>New people without an organisation become clients of the saving user's organisation, or of the
    /// coordinating organisation when the command line or a job saves them.</summary>
    private async Task FillOrganisationsAsync(CancellationToken ct)
    {
        long? organisation = null;
        foreach (var entry in ChangeTracker.Entries<Person>().Where(e => e.State == EntityState.Added && e.Entity.OrganisationId == 0))
        {
            organisation ??= Visibility.OrganisationId ?? await CoordinatingOrganisationIdAsync(ct)
                ?? throw new InvalidOperationException("There is no coordinating organisation: run `stayline db migrate`.");
            entry.Entity.BelongTo(organisation.Value);
        }
    }

    /// <summary>The coordinating organisation's id (null only before the migration that made it).</summary>
    public async Task<long?> CoordinatingOrganisationIdAsync(CancellationToken ct) =>
        await Organisations.AsNoTracking().Where(o => o.IsCoordinating).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Audit events and name tokens are written, never edited: keeping them tracked would only make the
    /// next save of the same person collide with its own tokens.
    /// </summary>
    private void DetachDerivedRows()
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.Entity is PersonNameToken or AuditEvent).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Rewrites the token rows of people whose names or aliases changed: the old rows (as their NameIndex records
    /// them) are deleted by their exact keys, the new ones added, and NameIndex updated. People deleted in this save
    /// have no row any more (the trigger on people took their tokens).
    /// </summary>
    private async Task RefreshNameTokensAsync(HashSet<long> personIds, CancellationToken ct)
    {
        if (personIds.Count == 0)
        {
            return;
        }

        var ids = personIds.ToList();
        // Tokens added by an earlier save of this context are still tracked; their rows are rewritten below.
        foreach (var stale in ChangeTracker.Entries<PersonNameToken>().Where(e => personIds.Contains(e.Entity.PersonId)).ToList())
        {
            stale.State = EntityState.Detached;
        }

        // Lock the people first, then read them: a concurrent save of the same person (PostgreSQL, read committed)
        // either finished before (its names and NameIndex are read here) or waits for this one. Reading first would
        // let another save replace the rows between the read and the delete, leaving rows no NameIndex lists.
        await People.Where(p => ids.Contains(p.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(p => EF.Property<string?>(p, PersonSearch.NameIndexColumn), p => EF.Property<string?>(p, PersonSearch.NameIndexColumn)), ct);
        var people = await People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.NativeName, p.SortName, p.OrganisationId, Index = EF.Property<string?>(p, PersonSearch.NameIndexColumn) })
            .ToListAsync(ct);
        var aliases = await PersonNames.AsNoTracking().Where(n => ids.Contains(n.PersonId))
            .Select(n => new { n.PersonId, n.GivenName, n.FamilyName }).ToListAsync(ct);
        var written = new List<string>();
        foreach (var p in people)
        {
            var aliasNames = aliases.Where(a => a.PersonId == p.Id).Select(a => PersonSearch.AliasName(a.GivenName, a.FamilyName));
            var tokens = PersonSearch.TokensForPerson(p.GivenName, p.FamilyName, p.NativeName, aliasNames);
            if (PersonSearch.ReadNameIndex(p.Index) is { } old)
            {
                var (oldSort, oldTokens) = (old.Sort, old.Tokens);
                // By exact keys and past the visibility filter: the rows may still carry an organisation the person has left.
                await NameTokens.IgnoreQueryFilters([VisibilityFilter]).Where(t => t.SortName == oldSort && t.PersonId == p.Id && oldTokens.Contains(t.Token))
                    .ExecuteDeleteAsync(ct);
            }

            var index = PersonSearch.NameIndex(p.SortName, tokens);
            await People.Where(x => x.Id == p.Id).ExecuteUpdateAsync(u => u.SetProperty(x => EF.Property<string?>(x, PersonSearch.NameIndexColumn), index), ct);
            var others = PersonSearch.OtherWords(p.SortName, tokens);
            foreach (var token in tokens)
            {
                NameTokens.Add(new PersonNameToken { Token = token, SortName = p.SortName, PersonId = p.Id, OrganisationId = p.OrganisationId, OtherWords = others });
            }

            written.AddRange(tokens);
        }

        await AddNameKeysAsync(written, ct);
    }

    /// <summary>Lists the tokens' spelling keys in the key dictionary (those already there stay as they are).</summary>
    private Task AddNameKeysAsync(IEnumerable<string> tokens, CancellationToken ct) =>
        Bulk.PeopleWrite.AddNameKeysAsync(Bulk.BulkTarget.Of(this), PersonSearch.KeyPairs(tokens), ct);

    /// <summary>The person a modified record belonged to before this save, when the save moves it to another person.</summary>
    private static long? FormerPersonIdOf(EntityEntry entry) =>
        entry.State == EntityState.Modified && entry.Metadata.FindProperty("PersonId") is { } prop && entry.Property(prop.Name).IsModified
            ? entry.OriginalValues[prop] as long?
            : null;

    private static long? PersonIdOf(EntityEntry entry) => entry.Entity switch
    {
        Person p => p.Id,
        _ => entry.Metadata.FindProperty("PersonId") is { } prop ? entry.CurrentValues[prop] as long? : null,
    };

    private static string? KeyOf(EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey() is { } key
            ? string.Join(",", key.Properties.Select(p => Convert.ToString(entry.CurrentValues[p], System.Globalization.CultureInfo.InvariantCulture)))
            : null;

    private static readonly System.Text.Json.JsonSerializerOptions AuditJson = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <param name="changed">For updates, the properties that changed: the audit log then reads as a diff.</param>
    private static string Snapshot(EntityEntry entry, bool original, HashSet<string>? changed)
    {
        var values = original ? entry.OriginalValues : entry.CurrentValues;
        var dict = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var prop in entry.Metadata.GetProperties())
        {
            // The search index's own bookkeeping, written by the save hook, not by the user.
            if (prop.Name == PersonSearch.NameIndexColumn)
            {
                continue;
            }

            if (changed is not null && !changed.Contains(prop.Name) && !prop.IsPrimaryKey())
            {
                continue;
            }

            dict[prop.Name] = values[prop];
        }

        return System.Text.Json.JsonSerializer.Serialize(dict, AuditJson);
    }

    private sealed record PendingAudit(EntityEntry Entry, EntityState State, HashSet<string>? Changed, string? Before, long? FormerPersonId);
}

/// <summary>Who is acting: a signed-in user, a token, or the command line.</summary>
public sealed record AuditActor(string? UserId, string UserName)
{
    public static readonly AuditActor System = new(null, "system");
}

/// <summary>Gives the actor at the moment it is needed.</summary>
public interface IAuditActorSource
{
    AuditActor Current { get; }
}

public sealed class FixedAuditActor(AuditActor actor) : IAuditActorSource
{
    public AuditActor Current => actor;
}
