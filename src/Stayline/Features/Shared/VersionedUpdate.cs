using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.People;

namespace Stayline.Features.Shared;

/// <summary>
/// The one way a form or the API corrects a versioned record: the version the user read must still be current (else the
/// current version comes back, and the caller answers 409 or redisplays the form), the change validates, and the save
/// is refused if someone else saved in between.
/// </summary>
public static class VersionedUpdate
{
    /// <param name="change">Applies the input to the tracked entity; returns field errors to refuse it (nothing is saved).</param>
    /// <returns>The entity (null when it does not exist or the change is refused), the errors, and the current version on a lost race.</returns>
    public static async Task<(T? Entity, IReadOnlyList<FieldError> Errors, int? Conflict)> ApplyAsync<T>(StaylineDbContext db, long id, int version,
        Func<T, Task<IReadOnlyList<FieldError>>> change, CancellationToken ct)
        where T : class, IVersioned
    {
        var entity = await db.Set<T>().FindAsync([id], ct);
        if (entity is null)
        {
            return (null, [], null);
        }

        if (entity.Version != version)
        {
            return (null, [], entity.Version);
        }

        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;
        var errors = await change(entity);
        if (errors.Count > 0)
        {
            return (null, errors, null);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<T>().AsNoTracking().FirstAsync(e => EF.Property<long>(e, "Id") == id, ct);
            return (null, [], current.Version);
        }

        return (entity, [], null);
    }
}
