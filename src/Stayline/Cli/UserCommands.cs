using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Work;
using Stayline.Infrastructure;

namespace Stayline.Cli;

/// <summary>`user add` and `token create`: the only ways to create accounts and API tokens.</summary>
internal static class UserCommands
{
    public static Command User()
    {
        var email = new Option<string>("--email") { Description = "The user's email address (their sign-in name)", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the email)" };
        var add = new Command("add", "Create a user. The password is read from standard input, or generated and printed once.") { email, role, name };
        add.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, _) =>
        {
            var roleName = parse.GetValue(role)!.Trim().ToLowerInvariant();
            if (!Roles.All.Contains(roleName))
            {
                await error.WriteLineAsync($"Unknown role \"{parse.GetValue(role)}\". Use one of: {string.Join(", ", Roles.All)}.");
                return 1;
            }

            string? password = null;
            var generated = false;
            if (Console.IsInputRedirected)
            {
                password = (await Console.In.ReadLineAsync())?.Trim();
            }

            if (string.IsNullOrEmpty(password))
            {
                password = GeneratePassword();
                generated = true;
            }

            var result = await CreateUserAsync(services, parse.GetValue(email)!.Trim(), parse.GetValue(name), roleName, password);
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
        return new Command("user", "Manage users") { add };
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
        return new Command("token", "Manage API tokens") { create };
    }

    /// <summary>Creates a user with a role; returns an error message, or null on success.</summary>
    public static async Task<string?> CreateUserAsync(IServiceProvider services, string email, string? displayName, string role, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaylineUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return $"A user with email {email} already exists.";
        }

        var user = new StaylineUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName ?? email };
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
            "create", nameof(StaylineUser), user.Id, null, null, System.Text.Json.JsonSerializer.Serialize(new { email, role })));
        await db.SaveChangesAsync();
        return null;
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
