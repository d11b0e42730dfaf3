using Microsoft.EntityFrameworkCore;
using Stayline.Data;

namespace Stayline.Features.Organisations;

/// <summary>
/// Whether a user may be told about a person by a background job (reminders, alert mails). Such a job reads the whole
/// install, so each recipient's own visibility decides: an attorney still assigned after the person was unshared from
/// their organisation, or a partner's admin, gets no mail naming a client their organisation cannot open.
/// Answers are kept for the life of one run.
/// </summary>
public sealed class PersonReaders(StaylineDbContext db)
{
    private readonly Dictionary<string, Visibility> _visibility = new(StringComparer.Ordinal);
    private readonly Dictionary<(string User, long Person), bool> _sees = [];

    public async Task<bool> SeesAsync(string userId, long personId, CancellationToken ct)
    {
        if (_sees.TryGetValue((userId, personId), out var known))
        {
            return known;
        }

        if (!_visibility.TryGetValue(userId, out var visibility))
        {
            visibility = _visibility[userId] = await OrganisationService.VisibilityOfAsync(db, userId, ct);
        }

        var sees = await db.PeopleSeenBy(visibility).AnyAsync(p => p.Id == personId, ct);
        _sees[(userId, personId)] = sees;
        return sees;
    }

    /// <summary>The recipients among <paramref name="users"/> who may see <paramref name="personId"/>, in their order.</summary>
    public async Task<List<T>> WhoSeeAsync<T>(IEnumerable<T> users, Func<T, string> userId, long personId, CancellationToken ct)
    {
        var seeing = new List<T>();
        foreach (var user in users)
        {
            if (await SeesAsync(userId(user), personId, ct))
            {
                seeing.Add(user);
            }
        }

        return seeing;
    }
}
