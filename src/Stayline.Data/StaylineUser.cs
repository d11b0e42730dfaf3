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
}

/// <summary>The four roles; what each may do is decided in one place, <see cref="Permissions"/>.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Attorney = "attorney";
    public const string Intake = "intake";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Attorney, Intake, Viewer];
}

/// <summary>Authorization policy names, shared by pages and the API.</summary>
public static class Permissions
{
    /// <summary>Read people, custody, matters (everyone signed in).</summary>
    public const string Read = "read";
    /// <summary>Add and edit people, aliases, family contacts and custody (admin, attorney, intake).</summary>
    public const string EditPeople = "edit-people";
    /// <summary>Matters, removal orders, convictions, privileged notes (admin, attorney).</summary>
    public const string EditLegal = "edit-legal";
    /// <summary>Users, facilities catalogue, court orders, audit log (admin).</summary>
    public const string Administer = "administer";
    /// <summary>Take people's data away in a file: reports, people exports, the Bulk page's export (admin, attorney,
    /// viewer; not intake, whose volunteers add people but do not carry the list out).</summary>
    public const string Export = "export";

    public static IReadOnlyList<string> RolesFor(string permission) => permission switch
    {
        Read => Roles.All,
        EditPeople => [Roles.Admin, Roles.Attorney, Roles.Intake],
        EditLegal => [Roles.Admin, Roles.Attorney],
        Administer => [Roles.Admin],
        Export => [Roles.Admin, Roles.Attorney, Roles.Viewer],
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "Unknown permission."),
    };

    public static readonly IReadOnlyList<string> All = [Read, EditPeople, EditLegal, Administer, Export];
}

/// <summary>A personal access token for scripts; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>
/// One token of one of a person's names, for indexed search (<see cref="PersonSearch.TokensFor"/>): a folded word,
/// a folded word whose spelling keys hold only in its name's context (stored with a trailing space), or a spelling
/// key no single word carries ("~" and the key).
/// </summary>
public sealed class PersonNameToken
{
    public string Token { get; set; } = "";

    /// <summary>The person's <see cref="Stayline.Domain.People.Person.SortName"/>, copied so that the token index returns matches in the
    /// people list's order without reading each person (rewritten with the tokens whenever a name changes).</summary>
    public string SortName { get; set; } = "";

    public long PersonId { get; set; }

    /// <summary>The person's folded words that are not in <see cref="SortName"/> (aliases, the name in its own script),
    /// space-separated, or null: a search's second and later words are checked in this row alone.</summary>
    public string? OtherWords { get; set; }
}

/// <summary>
/// The spelling-key dictionary of the name search: which stored tokens carry a spelling key ("yousif" and "youssef"
/// both carry ysf). A person has a key when one of their tokens is listed under it. Rows are added with the tokens and
/// never removed (a token nobody has any more finds nobody); <c>db reindex</c> rebuilds it.
/// </summary>
public sealed class PersonNameKey
{
    public string Key { get; set; } = "";

    public string Token { get; set; } = "";
}
