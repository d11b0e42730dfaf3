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
            if (entry.Entity is CourtOrder { PersonId: null, ClassActionId: { } classId })
            {
                changes.ClassActionIds.Add(classId);
                continue;
            }

            long? person = entry.Entity switch
            {
                Person p when state == EntityState.Added => p.Id,
                PersonEvent e => e.PersonId,
                CustodyEpisode e => e.PersonId,
                RemovalOrder o => o.PersonId,
                Matter m => m.PersonId,
                BondCase b => b.PersonId,
                ClassMembership m => m.PersonId,
                CourtOrder { PersonId: { } id } => id,
                _ => null,
            };
            if (person is { } personId)
            {
                changes.PersonIds.Add(personId);
                if (former is { } formerId)
                {
                    changes.PersonIds.Add(formerId);
                }
            }
        }

        return changes;
    }
}
