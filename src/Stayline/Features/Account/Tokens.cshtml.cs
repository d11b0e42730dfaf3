using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Infrastructure;

namespace Stayline.Features.Account;

/// <summary>API tokens: everyone sees and revokes their own; an admin sees and revokes everyone's. Tokens are created
/// only on the server (<c>./stayline token create</c>).</summary>
public sealed class TokensModel(StaylineDbContext db, IMemoryCache cache, TimeProvider clock, AuditActor actor, IStringLocalizer<Stayline.Resources.Strings> strings) : PageModel
{
    public sealed record Row(long Id, string Name, string Owner, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public IReadOnlyList<Row> Tokens { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsAdmin = User.IsInRole(Roles.Admin);
        var uid = actor.UserId;
        var rows = await db.ApiTokens.AsNoTracking()
            .Where(t => IsAdmin || t.UserId == uid)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t.Id, t.Name, Owner = u.Email ?? u.Id, t.CreatedAt, t.RevokedAt })
            .ToListAsync(ct);
        Tokens = rows.Select(r => new Row(r.Id, r.Name, r.Owner, r.CreatedAt, r.RevokedAt))
            .OrderBy(r => r.RevokedAt is null ? 0 : 1).ThenByDescending(r => r.CreatedAt).ToList();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        var uid = actor.UserId;
        var admin = User.IsInRole(Roles.Admin);
        var revoked = await ApiTokens.RevokeAsync(db, db.ApiTokens.Where(t => t.Id == id && (admin || t.UserId == uid)), clock.GetUtcNow(), actor, cache, ct);
        TempData["Flash"] = revoked.Count == 0
            ? strings["Tok.NotYours"].Value
            : string.Format(CultureInfo.CurrentCulture, strings["Tok.RevokedFlash"], revoked[0].Name, ApiTokens.CacheFor.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        return Redirect("/Account/Tokens");
    }
}
