using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Domain.Work;
using Stayline.Features.Account;
using Stayline.Features.Organisations;
using Stayline.Features.People;
using Stayline.Tests.Features.Organisations;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.People;

/// <summary>
/// Issue 12 item 2: a filtered list is counted exactly up to <see cref="PeopleQuery.FilteredCountCap"/>; past it the page
/// and the API say "more than" (and that counting stopped), and Next still reaches every person the filter leaves,
/// once, while people of another organisation never appear nor count.
/// </summary>
public class FilteredCountTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FilterPastTheCap_SaysMoreThan_AndNextReachesEveryPersonOnce(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        const int partnerPeople = 30;
        List<long> withoutLawyer;
        int attorneysPeople;
        string attorney;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            attorney = await db.Users.Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.Id).SingleAsync();
            var people = Enumerable.Range(0, PeopleQuery.FilteredCountCap + 600).Select(i =>
            {
                // Names repeat (ties on the sort name are ordered by id).
                var (p, errors) = Person.Create(new PersonInput(null, $"Given{i % 7}", $"Family{i % 300:D3}", null, null, BirthDatePrecision.Exact, null, null, false, null),
                    new DateOnly(2027, 1, 1), DateTimeOffset.UnixEpoch);
                Assert.Empty(errors);
                return p!;
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            var lawyered = people.Where((_, i) => i % 5 == 0).Select(p => p.Id).ToList();
            db.Assignments.AddRange(lawyered.Select(id => new Assignment(id, attorney, new DateOnly(2027, 1, 1))));
            await db.SaveChangesAsync();
            attorneysPeople = lawyered.Count;

            var (org, error) = await OrganisationService.AddAsync(db, "Partner B", coordinating: false, DateTimeOffset.UnixEpoch, CancellationToken.None);
            Assert.Null(error);
            var partners = people.Where((_, i) => i % 5 != 0).Take(partnerPeople).Select(p => p.Id).ToList();
            // Test set-up outside any reader's scope (not a scoped query).
            await db.People.IgnoreQueryFilters().Where(p => partners.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.OrganisationId, org!.Id));
            withoutLawyer = people.Where((_, i) => i % 5 != 0).Select(p => p.Id).Except(partners).ToList();
        }

        Assert.True(withoutLawyer.Count > PeopleQuery.FilteredCountCap, $"{withoutLawyer.Count} without a lawyer");

        // The page says that counting stopped, with the number it stopped at.
        var web = await app.SignedInAsync("viewer");
        var html = await web.GetStringAsync("/People?HasLawyer=false");
        Assert.Contains("More than 2,000 people found (counting stopped there", html);

        // The API: the total is the cap and says so; following "after" reaches each of them once, in each order tried.
        var api = app.Api("viewer");
        foreach (var sort in new[] { "Name", "Newest", "NextDeadline", "Protection", "Lawyer" })
        {
            var seen = new List<long>();
            string? after = null;
            for (var pages = 0; pages < 20; pages++)
            {
                var url = $"/api/v1/people?HasLawyer=false&Sort={sort}&PageSize=500" + (after is null ? "" : "&After=" + Uri.EscapeDataString(after));
                var page = await api.GetFromJsonAsync<JsonElement>(url);
                Assert.Equal(PeopleQuery.FilteredCountCap, page.GetProperty("total").GetInt32());
                Assert.True(page.GetProperty("totalIsCapped").GetBoolean());
                seen.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
                if ((after = page.GetProperty("after").GetString()) is null)
                {
                    break;
                }
            }

            Assert.Equal(seen.Count, seen.Distinct().Count());
            Assert.Equal(withoutLawyer.Order(), seen.Order());
            if (sort == "Newest")
            {
                Assert.Equal(withoutLawyer.OrderDescending(), seen);
            }
        }

        // Under the cap the count is exact and not marked.
        var theirs = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people?AttorneyId={attorney}");
        Assert.Equal(attorneysPeople, theirs.GetProperty("total").GetInt32());
        Assert.False(theirs.GetProperty("totalIsCapped").GetBoolean());

        // The partner organisation's viewer counts its own 30 only, exactly.
        Assert.Null(await UserCommands.CreateUserAsync(app.Services, "b-viewer@test.stayline", "Partner viewer", Roles.Viewer, TestApp.Password, "Partner B"));
        var partner = await ScopingRouteTableTests.SignedInAsync(app, "b-viewer@test.stayline");
        Assert.Contains($"{partnerPeople} people found.", await partner.GetStringAsync("/People?HasLawyer=false"));
    }
}
