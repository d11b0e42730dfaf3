using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Documents;
using Stayline.Domain.People;
using Stayline.Domain.Respondents;
using Stayline.Domain.Work;
using Stayline.Infrastructure;

namespace Stayline.Features.Documents;

public sealed record TemplateInfo(string Key, int Version, string Name, string? Description, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>A bulk draft checked before it is made: the caption's court and respondents, and what the draft would lack.</summary>
public sealed record DraftCheck(long PersonId, string FullName, string? ANumber, string? Facility, string? District, string? Division,
    IReadOnlyList<Respondent> Respondents, IReadOnlyList<string> Missing);

/// <summary>One person's draft: who, the file name, the document and what it lacks.</summary>
public sealed record GeneratedItem(long PersonId, string? ANumber, string FullName, string FileName, DocumentDraft Draft);

/// <summary>Templates (stored with versions), merge facts loaded in bulk, generation, storage and audit.</summary>
public sealed class DocumentService(StaylineDbContext db, IAuditActorSource actors, TimeProvider clock)
{
    private const string StarterAuthor = "stayline (starter template)";

    /// <summary>
    /// Adds each starter template that is not in the database yet, and a new version of a starter whose newest stored
    /// version is an older starter text nobody has edited (a user's version is never replaced). Run once at start-up by
    /// <see cref="DatabaseSetup"/>, so starters added or improved in a later release reach existing databases.
    /// </summary>
    public async Task EnsureStartersAsync(CancellationToken ct)
    {
        var newest = (await db.DocumentTemplates.AsNoTracking().Select(t => new { t.Key, t.Version, t.CreatedBy }).ToListAsync(ct))
            .GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Version)!);
        var added = false;
        foreach (var starter in StarterTemplates.All)
        {
            var content = StarterTemplates.Build(starter);
            var stored = newest.GetValueOrDefault(starter.Id);
            if (stored is not null && (stored.CreatedBy != StarterAuthor || StarterTemplates.SameText(await db.DocumentTemplates.AsNoTracking()
                    .Where(t => t.Key == stored.Key && t.Version == stored.Version).Select(t => t.Content).SingleAsync(ct), content)))
            {
                continue;
            }

            Add(new DocumentTemplate
            {
                Key = starter.Id,
                Version = (stored?.Version ?? 0) + 1,
                Name = starter.Name,
                Description = starter.Description,
                Content = content,
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = StarterAuthor,
            });
            added = true;
        }

        if (added)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request stored the starters at the same moment (unique key + version); theirs stand.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The newest version of each template.</summary>
    public async Task<IReadOnlyList<TemplateInfo>> TemplatesAsync(CancellationToken ct)
    {
        var all = await db.DocumentTemplates.AsNoTracking()
            .Select(t => new TemplateInfo(t.Key, t.Version, t.Name, t.Description, t.CreatedAt, t.CreatedBy)).ToListAsync(ct);
        return all.GroupBy(t => t.Key).Select(g => g.MaxBy(t => t.Version)!).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<DocumentTemplate?> TemplateAsync(string key, CancellationToken ct) =>
        await db.DocumentTemplates.AsNoTracking().Where(t => t.Key == key).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);

    /// <summary>Stores a new version of a template (a new key makes a new template); returns the problems instead when the file is unusable.</summary>
    public async Task<(TemplateInfo? Saved, IReadOnlyList<string> Errors)> UploadAsync(string key, string? name, byte[] docx, CancellationToken ct)
    {
        key = key.Trim().ToLowerInvariant();
        if (key.Length is 0 or > 60 || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return (null, [$"Template id \"{key}\" must be 1-60 characters of a-z, 0-9 and '-'."]);
        }

        var compiled = CompiledTemplate.Compile(docx);
        if (compiled.Errors.Count > 0)
        {
            return (null, compiled.Errors);
        }

        var previous = await TemplateAsync(key, ct);
        if (previous is null && string.IsNullOrWhiteSpace(name))
        {
            return (null, ["A new template needs a name."]);
        }

        var entity = new DocumentTemplate
        {
            Key = key,
            Version = (previous?.Version ?? 0) + 1,
            Name = string.IsNullOrWhiteSpace(name) ? previous!.Name : name.Trim(),
            Description = previous?.Description,
            Content = docx,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actors.Current.UserName,
        };
        Add(entity);
        await db.SaveChangesAsync(ct);
        return (new TemplateInfo(entity.Key, entity.Version, entity.Name, entity.Description, entity.CreatedAt, entity.CreatedBy), []);
    }

    /// <summary>
    /// Generates one draft per person (all people when <paramref name="personIds"/> is null), in parallel,
    /// and when <paramref name="store"/> keeps each on the person's file with an audit event.
    /// </summary>
    public async Task<IReadOnlyList<GeneratedItem>> GenerateAsync(DocumentTemplate template, IReadOnlyCollection<long>? personIds, bool store, CancellationToken ct)
    {
        var today = clock.Today();
        var facts = await MergeFactsLoader.LoadAsync(db, personIds, today, await MergeFactsLoader.SignerAsync(db, actors.Current.UserId, ct), ct);
        var items = Generate(template, facts, today, ct).Select(x => x.Item).ToList();
        if (store)
        {
            var now = clock.GetUtcNow();
            var actor = actors.Current;
            foreach (var item in items)
            {
                var doc = new GeneratedDocument
                {
                    PersonId = item.PersonId,
                    TemplateKey = template.Key,
                    TemplateVersion = template.Version,
                    FileName = item.FileName,
                    Content = item.Draft.Docx,
                    Missing = item.Draft.Missing.Count == 0 ? null : string.Join('\n', item.Draft.Missing),
                    CreatedAt = now,
                    CreatedBy = actor.UserName,
                };
                db.GeneratedDocuments.Add(doc);
                db.AuditEvents.Add(new AuditEvent(now, actor.UserId, actor.UserName, "generate", nameof(GeneratedDocument), null, item.PersonId, null,
                    JsonSerializer.Serialize(new { template = template.Key, version = template.Version, file = item.FileName, missing = item.Draft.Missing })));
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return items;
    }

    /// <summary>
    /// What a bulk draft would hold for each person, stored nowhere: the court and respondents of the caption and the
    /// facts the draft lacks, so that a lawyer checks captions before drafting.
    /// </summary>
    public async Task<IReadOnlyList<DraftCheck>> CheckAsync(DocumentTemplate template, IReadOnlyCollection<long> personIds, CancellationToken ct)
    {
        var today = clock.Today();
        var facts = await MergeFactsLoader.LoadAsync(db, personIds, today, await MergeFactsLoader.SignerAsync(db, actors.Current.UserId, ct), ct);
        return Generate(template, facts, today, ct).Select(x => new DraftCheck(x.Item.PersonId, x.Item.FullName, x.Item.ANumber, x.Facts.Facility?.Name,
            x.Facts.Facility?.District, x.Facts.Facility?.Division, x.Facts.Respondents?.Named ?? [], x.Item.Draft.Missing)).ToList();
    }

    private static List<(GeneratedItem Item, PersonMergeFacts Facts)> Generate(DocumentTemplate template, IReadOnlyList<PersonMergeFacts> facts, DateOnly today,
        CancellationToken ct)
    {
        var compiled = CompiledTemplate.Compile(template.Content);
        if (compiled.Errors.Count > 0)
        {
            throw new InvalidOperationException($"Template {template.Key} v{template.Version} has errors: " + string.Join(" ", compiled.Errors));
        }

        var results = new ConcurrentBag<(GeneratedItem, PersonMergeFacts)>();
        Parallel.ForEach(facts, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            var draft = compiled.Generate(PersonMergeFields.For(f, today));
            results.Add((new GeneratedItem(f.Person.Id, f.Person.ANumberDisplay, f.Person.FullName, FileName(template.Key, f.Person), draft), f));
        });
        return results.OrderBy(r => r.Item1.FileName, StringComparer.Ordinal).ToList();
    }

    /// <summary>The drafts kept on a person's file, newest first, without their contents.</summary>
    public Task<List<GeneratedDocument>> ForPersonAsync(long personId, CancellationToken ct) =>
        db.GeneratedDocuments.AsNoTracking().Where(d => d.PersonId == personId).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Select(d => new GeneratedDocument
            {
                Id = d.Id,
                PersonId = d.PersonId,
                TemplateKey = d.TemplateKey,
                TemplateVersion = d.TemplateVersion,
                FileName = d.FileName,
                Missing = d.Missing,
                CreatedAt = d.CreatedAt,
                CreatedBy = d.CreatedBy,
            }).ToListAsync(ct);

    /// <summary>A stored draft, with the download recorded as a read of the person's file.</summary>
    public async Task<GeneratedDocument?> OpenAsync(long id, CancellationToken ct)
    {
        var doc = await db.GeneratedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is not null)
        {
            var actor = actors.Current;
            // "retrieve": the person's timeline reads it as "Generated document retrieved by ...".
            db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), actor.UserId, actor.UserName, "retrieve", nameof(GeneratedDocument),
                id.ToString(CultureInfo.InvariantCulture), doc.PersonId, null, doc.FileName));
            await db.SaveChangesAsync(ct);
        }

        return doc;
    }

    public static string FileName(string templateKey, Person person)
    {
        var family = new string(SearchText.Fold(person.FamilyName).Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());
        var who = person.ANumber is { } a ? "A" + a : "person-" + person.Id.ToString(CultureInfo.InvariantCulture);
        return $"{templateKey}_{who}{(family.Length > 0 ? "_" + family : "")}.docx";
    }

    private void Add(DocumentTemplate t)
    {
        db.DocumentTemplates.Add(t);
        var actor = actors.Current;
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), actor.UserId, actor.UserName, "create", nameof(DocumentTemplate), t.Key, null, null,
            JsonSerializer.Serialize(new { t.Key, t.Version, t.Name, bytes = t.Content.Length })));
    }
}
