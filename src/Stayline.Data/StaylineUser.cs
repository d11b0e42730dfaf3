using Microsoft.AspNetCore.Identity;

namespace Stayline.Data;

/// <summary>A person who signs in: an attorney, an intake volunteer, a coordinator, a viewer.</summary>
public sealed class StaylineUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>Bar admissions, e.g. "MI, NY; 6th Cir.".</summary>
    public string? BarAdmissions { get; set; }
    public string? Languages { get; set; }
    /// <summary>How many clients the attorney can take on.</summary>
    public int? Capacity { get; set; }

    /// <summary>
    /// Set by an admin: no sign-in, no session, no API token, no calendar feed. Not the same as Identity's lockout
    /// (<see cref="IdentityUser.LockoutEnd"/>), which only pauses password sign-in after failed attempts that
    /// anyone can make, so it must not stop the user's tokens or end their sessions.
    /// </summary>
    public bool Disabled { get; set; }

    /// <summary>The language the user reads the pages in (en, ar, es); null: the browser's.</summary>
    public string? UiLanguage { get; set; }

    /// <summary>The organisation the user works for: they see its people and those shared with it (admins of the
    /// coordinating organisation see everyone). Null only for a user added before organisations, until migrated.</summary>
    public long? OrganisationId { get; set; }
}
