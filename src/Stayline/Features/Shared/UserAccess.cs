using System.Linq.Expressions;
using System.Security.Claims;
using Stayline.Data;
using Stayline.Domain.Work;

namespace Stayline.Features.Shared;

/// <summary>Who the current user is and what they may see, as predicates that go into queries.</summary>
public sealed record UserAccess(string? UserId, bool IsAdmin, bool CanEditPeople, bool CanEditLegal, bool CanReadPrivileged)
{
    public static UserAccess From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.IsInRole(Roles.Admin),
        Permissions.RolesFor(Permissions.EditPeople).Any(user.IsInRole),
        Permissions.RolesFor(Permissions.EditLegal).Any(user.IsInRole),
        Permissions.RolesFor(Permissions.EditLegal).Any(user.IsInRole));

    /// <summary>
    /// Privileged notes: admins see all; attorneys see the ones they wrote and those on their own clients;
    /// intake and viewers see none.
    /// </summary>
    public Expression<Func<Note, bool>> NoteVisible(StaylineDbContext db)
    {
        if (IsAdmin)
        {
            return n => true;
        }

        if (!CanReadPrivileged)
        {
            return n => !n.Privileged;
        }

        var uid = UserId;
        return n => !n.Privileged || n.AuthorId == uid
            || db.Assignments.Any(a => a.PersonId == n.PersonId && a.UserId == uid && a.To == null);
    }
}
