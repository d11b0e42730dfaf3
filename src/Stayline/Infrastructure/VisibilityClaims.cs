using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stayline.Data;

namespace Stayline.Infrastructure;

/// <summary>
/// The signed-in user's organisation travels in their session (cookie or cached token principal) as two claims,
/// written at sign-in: reading visibility then costs no query per request. Moving a user to another organisation
/// changes their security stamp, which ends their sessions (<see cref="SessionStampValidator"/>).
/// </summary>
public static class VisibilityClaims
{
    public const string Organisation = "stayline:org";
    public const string SeesAll = "stayline:sees-all";

    /// <summary>What a signed-in principal may see; nobody for one without the organisation claim (fails closed).</summary>
    public static Visibility Of(ClaimsPrincipal user) =>
        user.FindFirstValue(Organisation) is { } org && long.TryParse(org, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? Visibility.For(id, user.HasClaim(SeesAll, "true"))
            : Visibility.Nobody;
}

/// <summary>The request's user's visibility; everyone when there is no signed-in user (the server's own jobs).</summary>
internal sealed class HttpVisibilitySource(IHttpContextAccessor http) : IVisibilitySource
{
    public Visibility Current => http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? VisibilityClaims.Of(user) : Visibility.Everyone;
}

/// <summary>Adds the organisation claims to the principal Identity makes at sign-in (and for API tokens).</summary>
internal sealed class StaylineClaimsFactory(UserManager<StaylineUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options,
    StaylineDbContext db)
    : UserClaimsPrincipalFactory<StaylineUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaylineUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganisationId is { } org)
        {
            identity.AddClaim(new Claim(VisibilityClaims.Organisation, org.ToString(CultureInfo.InvariantCulture)));
            var coordinating = await db.Organisations.AsNoTracking().AnyAsync(o => o.Id == org && o.IsCoordinating);
            if (coordinating && await UserManager.IsInRoleAsync(user, Roles.Admin))
            {
                identity.AddClaim(new Claim(VisibilityClaims.SeesAll, "true"));
            }
        }

        return identity;
    }
}
