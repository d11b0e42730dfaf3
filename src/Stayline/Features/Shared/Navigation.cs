using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Stayline.Data;

namespace Stayline.Features.Shared;

/// <summary>
/// The main navigation. Whether a link shows comes from the page's own [Authorize] policy (the fallback is
/// <see cref="Permissions.Read"/>), so a role never sees a link that answers "Not allowed" and a page's rule lives in
/// one place.
/// </summary>
public static class Navigation
{
    public sealed record Link(string Href, string Label, string Policy);

    public static readonly IReadOnlyList<Link> All =
    [
        Of<Dashboard.IndexModel>("/Dashboard", "Dashboard"),
        Of<People.IndexModel>("/People", "People"),
        Of<Deadlines.IndexModel>("/Deadlines", "Deadlines"),
        Of<Protection.IndexModel>("/Protection", "Protection"),
        Of<Hearings.IndexModel>("/Hearings", "Hearings"),
        Of<Habeas.QueueModel>("/Habeas/Queue", "Habeas"),
        Of<Habeas.AlertsModel>("/Habeas/Alerts", "Alerts"),
        Of<Habeas.DraftModel>("/Habeas/Draft", "Draft in bulk"),
        Of<Habeas.RespondentsModel>("/Habeas/Respondents", "Respondents"),
        Of<Import.IndexModel>("/Import", "Import"),
        Of<Bulk.IndexModel>("/Bulk", "Bulk"),
        Of<Review.IndexModel>("/Review", "Duplicates"),
        Of<Documents.IndexModel>("/Documents", "Documents"),
        Of<Reports.IndexModel>("/Reports", "Reports"),
        Of<Facilities.IndexModel>("/Facilities", "Facilities"),
        Of<Classes.IndexModel>("/Classes", "Classes"),
        Of<Users.IndexModel>("/Users", "Team"),
        Of<Organisations.IndexModel>("/Organisations", "Organisations"),
        Of<Audit.IndexModel>("/Audit", "Audit"),
        new("/Api", "API", Permissions.Read),
    ];

    public static IEnumerable<Link> For(ClaimsPrincipal user) =>
        All.Where(l => Permissions.RolesFor(l.Policy).Any(user.IsInRole));

    private static Link Of<TPage>(string href, string label) =>
        new(href, label, typeof(TPage).GetCustomAttribute<AuthorizeAttribute>()?.Policy ?? Permissions.Read);
}
