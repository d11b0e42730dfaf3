using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stayline.Cli;
using Stayline.Data;
using Stayline.Domain.Work;
using Stayline.Infrastructure;

namespace Stayline.Features.Account;

/// <summary>`user add|password` and `token create|list|revoke`: the only ways to create accounts and API tokens.</summary>
internal static class UserCommands
{
    public static Command User()
    {
        var email = new Option<string>("--email") { Description = "The user's email address (their sign-in name)", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the email)" };
        var org = new Option<string?>("--org") { Description = "The organisation the user works for (default: the coordinating organisation)" };
        var add = new Command("add", "Create a user. The password is read from standard input, or generated and printed once.") { email, role, name, org };
        add.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, _) =>
        {
            var roleName = parse.GetValue(role)!.Trim().ToLowerInvariant();
            if (!Roles.All.Contains(roleName))
            {
                await error.WriteLineAsync($"Unknown role \"{parse.GetValue(role)}\". Use one of: {string.Join(", ", Roles.All)}.");
                return 1;
            }

            var (password, generated) = await ReadOrGeneratePasswordAsync();
            var result = await CreateUserAsync(services, parse.GetValue(email)!.Trim(), parse.GetValue(name), roleName, password, parse.GetValue(org));
            if (result is not null)
            {
                await error.WriteLineAsync(result);
                return 1;
            }

            await output.WriteLineAsync($"Created {roleName} {parse.GetValue(email)!.Trim()}.");
            if (generated)
            {
                await output.WriteLineAsync($"Password (shown only now): {password}");
            }

            return 0;
        }, ct: ct));
        var resetEmail = new Option<string>("--email") { Description = "The user whose password is reset", Required = true };
        var reset = new Command("password", "Set a new password for a user (from standard input, or generated and printed once); ends their sessions") { resetEmail };
        reset.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, _) =>
        {
            var (password, generated) = await ReadOrGeneratePasswordAsync();
            var address = parse.GetValue(resetEmail)!.Trim();
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaylineUser>>();
            var user = await users.FindByEmailAsync(address);
            if (user is null)
            {
                await error.WriteLineAsync($"No user with email {address}.");
                return 1;
            }

            // Resetting gives the user a new security stamp: their sessions end at their next request.
            var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
            if (!result.Succeeded)
            {
                await error.WriteLineAsync($"Could not set the password of {address}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                return 1;
            }

            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            db.AuditEvents.Add(new AuditEvent(services.GetRequiredService<TimeProvider>().GetUtcNow(), null, "cli:" + Environment.UserName,
                "reset-password", nameof(StaylineUser), user.Id, null, null, null));
            await db.SaveChangesAsync();
            await output.WriteLineAsync($"Password of {address} changed; their sessions have ended.");
            if (generated)
            {
                await output.WriteLineAsync($"Password (shown only now): {password}");
            }

            return 0;
        }, ct: ct));
        return new Command("user", "Manage users") { add, reset };
    }

    public static Command Token()
    {
        var email = new Option<string>("--email") { Description = "The user the token acts as", Required = true };
        var name = new Option<string?>("--name") { Description = "What the token is for" };
        var create = new Command("create", "Create a personal access token for scripts; printed once, stored hashed") { email, name };
        create.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, ct2) =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var address = parse.GetValue(email)!.Trim();
            var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == address.ToUpperInvariant(), ct2);
            if (user is null)
            {
                await error.WriteLineAsync($"No user with email {address}. Create one with: ./stayline user add --email {address} --role attorney");
                return 1;
            }

            var token = ApiTokens.NewToken();
            db.ApiTokens.Add(new ApiToken
            {
                UserId = user.Id,
                Name = parse.GetValue(name) ?? "cli",
                TokenHash = ApiTokens.Hash(token),
                CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            });
            db.AuditEvents.Add(new AuditEvent(services.GetRequiredService<TimeProvider>().GetUtcNow(), null, "cli:" + Environment.UserName,
                "create", nameof(ApiToken), null, null, null, System.Text.Json.JsonSerializer.Serialize(new { user = address })));
            await db.SaveChangesAsync(ct2);
            await output.WriteLineAsync(token);
            await error.WriteLineAsync("This token is shown only now. Send it as: Authorization: Bearer TOKEN");
            return 0;
        }, ct: ct));
        var listEmail = new Option<string?>("--email") { Description = "Only this user's tokens" };
        var list = new Command("list", "List API tokens: id, user, name, created, revoked") { listEmail };
        list.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, ct2) =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var only = parse.GetValue(listEmail)?.Trim().ToUpperInvariant();
            var rows = await db.ApiTokens.AsNoTracking()
                .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t.Id, u.Email, u.NormalizedEmail, t.Name, t.CreatedAt, t.RevokedAt })
                .Where(r => only == null || r.NormalizedEmail == only)
                .ToListAsync(ct2);
            await output.WriteLineAsync("id\tuser\tname\tcreated\trevoked");
            foreach (var r in rows.OrderBy(r => r.Id))
            {
                await output.WriteLineAsync(string.Join('\t', r.Id.ToString(CultureInfo.InvariantCulture), r.Email, r.Name,
                    r.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    r.RevokedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-"));
            }

            return 0;
        }, ct: ct));

        var revokeId = new Option<long?>("--id") { Description = "The token's id (from token list)" };
        var revokeEmail = new Option<string?>("--email") { Description = "Revoke every active token of this user" };
        var revoke = new Command("revoke", $"Revoke a token (--id) or all of a user's tokens (--email); servers refuse them within {ApiTokens.CacheFor.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s")
        {
            revokeId, revokeEmail,
        };
        revoke.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, ct2) =>
        {
            var id = parse.GetValue(revokeId);
            var address = parse.GetValue(revokeEmail)?.Trim();
            if (id is null == string.IsNullOrEmpty(address))
            {
                await error.WriteLineAsync("Give either --id ID (see: ./stayline token list) or --email E (all of that user's tokens).");
                return 1;
            }

            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var normalized = address?.ToUpperInvariant();
            var which = id is { } one
                ? db.ApiTokens.Where(t => t.Id == one)
                : db.ApiTokens.Where(t => db.Users.Any(u => u.Id == t.UserId && u.NormalizedEmail == normalized));
            var revoked = await ApiTokens.RevokeAsync(db, which, services.GetRequiredService<TimeProvider>().GetUtcNow(),
                new AuditActor(null, "cli:" + Environment.UserName), cache: null, ct2);
            if (revoked.Count == 0)
            {
                await error.WriteLineAsync(id is not null ? $"No active token with id {id}." : $"No active tokens for {address}.");
                return 1;
            }

            await output.WriteLineAsync($"Revoked {(revoked.Count == 1 ? "1 token. Servers refuse it" : $"{revoked.Count.ToString(CultureInfo.InvariantCulture)} tokens. Servers refuse them")} within {ApiTokens.CacheFor.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds.");
            return 0;
        }, ct: ct));
        return new Command("token", "Manage API tokens") { create, list, revoke };
    }

    /// <summary>Creates a user with a role; returns an error message, or null on success.</summary>
    /// <param name="organisation">The organisation's name; null: the coordinating organisation.</param>
    public static async Task<string?> CreateUserAsync(IServiceProvider services, string email, string? displayName, string role, string password,
        string? organisation = null)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaylineUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return $"A user with email {email} already exists.";
        }

        var (orgId, orgError) = await Organisations.OrganisationService.ResolveAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), organisation,
            CancellationToken.None);
        if (orgError is not null)
        {
            return orgError;
        }

        var user = new StaylineUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName ?? email, OrganisationId = orgId };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return $"Could not create {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}";
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return $"Could not give {email} the role {role}: {string.Join(" ", added.Errors.Select(e => e.Description))}";
        }

        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        db.AuditEvents.Add(new AuditEvent(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), null, "cli:" + Environment.UserName,
            "create", nameof(StaylineUser), user.Id, null, null, System.Text.Json.JsonSerializer.Serialize(new { email, role, organisation = orgId })));
        await db.SaveChangesAsync();
        return null;
    }

    private static async Task<(string Password, bool Generated)> ReadOrGeneratePasswordAsync()
    {
        var password = Console.IsInputRedirected ? (await Console.In.ReadLineAsync())?.Trim() : null;
        return string.IsNullOrEmpty(password) ? (GeneratePassword(), true) : (password, false);
    }

    /// <summary>Four groups of lower-case letters and digits: easy to read aloud, about 100 bits.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        var chars = new char[23];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 6 == 5 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(chars);
    }
}
