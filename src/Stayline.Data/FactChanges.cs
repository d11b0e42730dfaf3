using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.People;

namespace Stayline.Data;

/// <summary>The people and classes whose protection facts one save changed.</summary>
public sealed class FactChanges
{
    public HashSet<long> PersonIds { get; } = [];
    public HashSet<long> ClassActionIds { get; } = [];

    public bool IsEmpty => PersonIds.Count == 0 && ClassActionIds.Count == 0;

    /// <summary>
    /// Reads saved entries (after the save, so new ids are known). Names, notes and contacts change no fact. A fact
    /// moved from one person to another (a merge or its undo) changes both: <paramref name="saved"/> carries the
    /// former person of each moved record.
    /// </summary>
    public static FactChanges From(IEnumerable<(EntityEntry Entry, EntityState State, long? FormerPersonId)> saved)
    {
        var changes = new FactChanges();
        foreach (var (entry, state, former) in saved)
        {
            if (former is { } formerId && entry.Entity is PersonEvent or CustodyEpisode or RemovalOrder or Matter or ClassMembership or CourtOrder)
            {
                changes.PersonIds.Add(formerId);
            }

            switch (entry.Entity)
            {
                case Person p when state == EntityState.Added:
                    changes.PersonIds.Add(p.Id);
                    break;
                case PersonEvent e:
                    changes.PersonIds.Add(e.PersonId);
                    break;
                case CustodyEpisode e:
                    changes.PersonIds.Add(e.PersonId);
                    break;
                case RemovalOrder o:
                    changes.PersonIds.Add(o.PersonId);
                    break;
                case Matter m:
                    changes.PersonIds.Add(m.PersonId);
                    break;
                case ClassMembership m:
                    changes.PersonIds.Add(m.PersonId);
                    break;
                case CourtOrder { PersonId: { } personId }:
                    changes.PersonIds.Add(personId);
                    break;
                case CourtOrder { ClassActionId: { } classId }:
                    changes.ClassActionIds.Add(classId);
                    break;
            }
        }

        return changes;
    }
}

/// <summary>Recomputes derived results inside the transaction that changed their facts.</summary>
public interface IFactsChangedHandler
{
    Task OnFactsChangedAsync(StaylineDbContext db, FactChanges changes, CancellationToken ct);
}
