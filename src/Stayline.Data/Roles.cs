namespace Stayline.Data;

/// <summary>The four roles; what each may do is decided in one place, <see cref="Permissions"/>.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Attorney = "attorney";
    public const string Intake = "intake";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Attorney, Intake, Viewer];
}
