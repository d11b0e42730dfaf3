namespace Stayline.Data;

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
