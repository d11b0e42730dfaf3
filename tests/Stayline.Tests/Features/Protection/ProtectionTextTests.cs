using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Protection;

/// <summary>Protection texts are stored compactly and read back exactly as the engine wrote them.</summary>
public class ProtectionTextTests
{
    [Fact]
    public void Encode_EveryPhraseAloneAndInText_DecodesToTheSameText()
    {
        var texts = ProtectionText.Phrases
            .Concat(ProtectionText.Phrases.Select((p, i) => $"x{p}{ProtectionText.Phrases[(i + 7) % ProtectionText.Phrases.Count]}; 2017-09-25 é \"q\""))
            .Concat(["", "[]", "a", "Protected", "NOT protected", "\uE000 starts like an encoded text", "has \uE100 a private-use character", "\uE001"]);

        foreach (var text in texts)
        {
            Assert.Equal(text, ProtectionText.Decode(ProtectionText.Encode(text)));
        }
    }

    [Fact]
    public void Encode_ReasonOfAPersonWithoutFacts_IsAFewCharacters()
    {
        const string summary = "Unknown — check: no removal order recorded: record the order (date, judge or Board, in absentia, appeal waived or reserved)";

        Assert.True(ProtectionText.Encode(summary).Length <= 4, ProtectionText.Encode(summary));
    }

    [Theory]
    [InlineData("Unknown — check: no removal order recorded")]
    [InlineData("[{\"code\":\"NoRemovalOrderRecorded\"}]")]
    public void Decode_RowWrittenBeforeTheCompactForm_IsReadAsStored(string legacy) =>
        Assert.Equal(legacy, ProtectionText.Decode(legacy));

    /// <summary>Stored rows name phrases by position: an edited, reordered or shortened table would change old rows' text.</summary>
    [Fact]
    public void Phrases_Version1_AreFrozen()
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", ProtectionText.Phrases))));

        Assert.Equal((287, "FA0DB06BE2BF6DFA30AAE8DD2EA4F57A7224E808754342AD11493BF0592F513F"), (ProtectionText.Phrases.Count, hash));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StoredProtection_PeopleWithAndWithoutFacts_StoredCompactAndServedAsEvaluated(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-09-25"));
        var b = new CaseBuilder(app);
        var members = await b.ThreeClassMembersAsync();
        var noFacts = await b.PersonAsync("A200100100", "Nadia", "Toma");

        foreach (var id in members.Append(noFacts))
        {
            var served = await b.ProtectionAsync(id);
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var evaluated = ProtectionReader.ViewOf((await ProtectionRecompute.EvaluateWithoutStoringAsync(db, id, D("2017-09-25"), default))!, D("2017-09-25"));
            Assert.Equal((evaluated.State, evaluated.Summary, evaluated.UntilDate, evaluated.UntilEvent), (served.State, served.Summary, served.UntilDate, served.UntilEvent));
            Assert.Equal(evaluated.Reasons, served.Reasons);

            var (storedSummary, storedReasons) = await StoredLengthsAsync(db, id);
            var row = await db.Protections.AsNoTracking().SingleAsync(p => p.PersonId == id);
            // Dates and names stay as they are; the engine's phrases and the JSON around them shrink to a character each.
            var most = id == noFacts ? 16 : row.ReasonsJson.Length / 2;
            Assert.True(storedSummary * 2 < served.Summary.Length && storedReasons <= most,
                $"person {id}: stored {storedSummary} characters for a summary of {served.Summary.Length}, {storedReasons} for reasons of {row.ReasonsJson.Length}");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StoredProtection_RowWrittenBeforeTheCompactForm_ServedUnchanged(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-09-25"));
        var b = new CaseBuilder(app);
        var id = (await b.ThreeClassMembersAsync())[0];
        var compact = await b.ProtectionAsync(id);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var row = await db.Protections.AsNoTracking().SingleAsync(p => p.PersonId == id);
            // The text as it was stored before: whole, no marker (written below EF Core, so the converter does not run).
            await db.Database.ExecuteSqlRawAsync("UPDATE person_protection SET \"Summary\" = {0}, \"ReasonsJson\" = {1} WHERE \"PersonId\" = {2}", row.Summary, row.ReasonsJson, id);
            Assert.Equal((row.Summary.Length, row.ReasonsJson.Length), await StoredLengthsAsync(db, id));
        }

        var legacy = await b.ProtectionAsync(id);

        Assert.Equal(compact.Summary, legacy.Summary);
        Assert.Equal(compact.Reasons, legacy.Reasons);
    }

    private static async Task<(int Summary, int Reasons)> StoredLengthsAsync(StaylineDbContext db, long id)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT length(\"Summary\"), length(\"ReasonsJson\") FROM person_protection WHERE \"PersonId\" = {id}";
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }
}
