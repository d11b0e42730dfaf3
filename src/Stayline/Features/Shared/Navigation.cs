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
    /// <param name="Label">The resource key of the link's text (Resources/Strings.resx).</param>
    public sealed record Link(string Href, string Label, string Policy);

    public static readonly IReadOnlyList<Link> All =
    [
        Of<Dashboard.IndexModel>("/Dashboard", "Nav.Dashboard"),
        Of<People.IndexModel>("/People", "Nav.People"),
        Of<Deadlines.IndexModel>("/Deadlines", "Nav.Deadlines"),
        Of<Protection.IndexModel>("/Protection", "Nav.Protection"),
        Of<Hearings.IndexModel>("/Hearings", "Nav.Hearings"),
        Of<Records.IndexModel>("/Records", "Nav.Records"),
        Of<Habeas.QueueModel>("/Habeas/Queue", "Nav.Habeas"),
        Of<Habeas.AlertsModel>("/Habeas/Alerts", "Nav.Alerts"),
        Of<Habeas.DraftModel>("/Habeas/Draft", "Nav.Draftinbulk"),
        Of<Habeas.RespondentsModel>("/Habeas/Respondents", "Nav.Respondents"),
        Of<Board.IndexModel>("/Board", "Nav.Board"),
        Of<Import.IndexModel>("/Import", "Nav.Import"),
        Of<Bulk.IndexModel>("/Bulk", "Nav.Bulk"),
        Of<Review.IndexModel>("/Review", "Nav.Duplicates"),
        Of<Intake.IndexModel>("/Intake", "Nav.Intake"),
        Of<Intake.CallsModel>("/Intake/Calls", "Nav.Calls"),
        Of<Documents.IndexModel>("/Documents", "Nav.Documents"),
        Of<Reports.IndexModel>("/Reports", "Nav.Reports"),
        Of<Facilities.IndexModel>("/Facilities", "Nav.Facilities"),
        Of<Classes.IndexModel>("/Classes", "Nav.Classes"),
        Of<Users.IndexModel>("/Users", "Nav.Team"),
        Of<Organisations.IndexModel>("/Organisations", "Nav.Organisations"),
        Of<Audit.IndexModel>("/Audit", "Nav.Audit"),
        new("/Api", "Nav.API", Permissions.Read),
    ];

    public static IEnumerable<Link> For(ClaimsPrincipal user) =>
        All.Where(l => Permissions.RolesFor(l.Policy).Any(user.IsInRole));

    private static Link Of<TPage>(string href, string label) =>
        new(href, label, typeof(TPage).GetCustomAttribute<AuthorizeAttribute>()?.Policy ?? Permissions.Read);
}
