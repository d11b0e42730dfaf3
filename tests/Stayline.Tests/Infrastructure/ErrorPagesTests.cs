using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;

namespace Stayline.Tests.Infrastructure;

public class ErrorPagesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnhandledError_PageAnswersHtmlWithRequestId_ApiAnswersProblem(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var browser = await app.SignedInAsync("viewer");
        await using (var scope = app.Scope())
        {
            // A missing table: every read of people fails with an exception nobody handles.
            await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().Database.ExecuteSqlRawAsync("ALTER TABLE \"people\" RENAME TO \"people_away\"");
        }

        var page = await browser.GetAsync("/People");
        var api = await app.Api("viewer").GetAsync("/api/v1/people");

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Matches("<code id=\"request-id\">[^<]+</code>", html);
        Assert.DoesNotContain("people_away", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.TryGetProperty("traceId", out _), "the problem carries the request's trace id");
    }
}
