using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Data.Bulk;
using Stayline.Domain.Protection;

/// <summary>
/// Synthetic Hamama-like population, deterministic (seed 2017): each person has one removal order (85% by a judge,
/// 10% of those in absentia, 30% appeal waived; dated 1988-2016), an arrest in June 2017, an A-file (60%) and a
/// record of proceedings (50%) received in Aug-Oct 2017, membership of one class with a Hamama-like stay (90%), and
/// about 3 matters: a FOIA request, a motion to reopen (90%: pending, denied or granted), a Board appeal of a
/// denied motion (pending or dismissed), some with a petition for review and stay motion, a bond hearing (50%)
/// and a habeas petition (30%). A second class holds the first N people for the class-order benchmark.
/// </summary>
internal static class BenchData
{
    public static async Task<(long BenchClass, RowCounts Counts)> GenerateAsync(Func<StaylineDbContext> context, int people, int members)
    {
        var rng = new Random(2017);
        await using var db = context();
        await db.Database.OpenConnectionAsync();
        var c = db.Database.GetDbConnection();
        await using var tx = await c.BeginTransactionAsync();
        async Task Insert(string table, string[] cols, int n, Action<object?[], int> fill) =>
            await RawInsert.InsertAsync(new BulkTarget(c, tx, db.Model), table, cols, n, fill, CancellationToken.None);

        string[] given = ["Yousif", "Sami", "Nadia", "Rita", "Hanna", "Basim", "Layla", "Fadi"];
        string[] family = ["Kassab", "Toma", "Yono", "Jarjees", "Hakim", "Shamoun", "Najjar", "Bahoo"];
        // People belong to an organisation (the coordinating one that `db migrate` creates).
        long organisation;
        await using (var org = c.CreateCommand())
        {
            org.Transaction = tx;
            org.CommandText = "SELECT MIN(\"Id\") FROM organisations";
            organisation = Convert.ToInt64(await org.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        await Insert("people", ["Id", "ANumber", "GivenName", "FamilyName", "BirthDatePrecision", "ConsentGiven", "CustodyStatus", "SortName", "Version", "CreatedAt", "OrganisationId"],
            people, (v, i) =>
            {
                var g = given[i % given.Length];
                var f = family[(i / 8) % family.Length];
                (v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]) =
                    ((long)i + 1, (100_000_000 + i).ToString(CultureInfo.InvariantCulture), g, f, "Exact", false, "Detained", $"{g} {f}".ToLowerInvariant(), 0, 0L, organisation);
            });
        await Insert("class_actions", ["Id", "Name", "Court"], 2, (v, i) => (v[0], v[1], v[2]) = ((long)i + 1, i == 0 ? "Hamama v. Adducci" : "Bench class", "E.D. Mich."));
        await Insert("court_orders", ["Id", "ClassActionId", "Kind", "Court", "IssuedOn", "Title", "TermsJson"], 1, (v, _) =>
            (v[0], v[1], v[2], v[3], v[4], v[5], v[6]) = (1L, 1L, "ClassStay", "E.D. Mich.", new DateOnly(2017, 7, 24), "Preliminary injunction",
                JsonSerializer.Serialize(ClassStayTerms.HamamaLike, new JsonSerializerOptions(JsonSerializerDefaults.Web))));

        var orders = new List<object?[]>(people);
        var events = new List<object?[]>(people * 2);
        var matters = new List<object?[]>(people * 3);
        var memberships = new List<object?[]>(people + members);
        var arrest = new DateOnly(2017, 6, 11);
        for (var i = 0; i < people; i++)
        {
            long id = i + 1;
            var judge = rng.NextDouble() < 0.85;
            var absentia = judge && rng.NextDouble() < 0.1;
            var orderedOn = new DateOnly(1988, 1, 1).AddDays(rng.Next(0, 29 * 365));
            // The proceeding as a file records it: deportation before IIRIRA's effective date, removal from it.
            orders.Add([id, id, orderedOn, judge ? "ImmigrationJudge" : "Board", absentia, !absentia && rng.NextDouble() < 0.3, false,
                orderedOn < new DateOnly(1997, 4, 1) ? "Deportation" : "Removal"]);
            events.Add([id, "Arrested", arrest.AddDays(rng.Next(0, 10))]);
            if (rng.NextDouble() < 0.6)
            {
                events.Add([id, "AFileReceived", new DateOnly(2017, 8, 1).AddDays(rng.Next(0, 40))]);
                if (rng.NextDouble() < 0.83)
                {
                    events.Add([id, "RecordOfProceedingsReceived", new DateOnly(2017, 8, 10).AddDays(rng.Next(0, 50))]);
                }
            }

            if (rng.NextDouble() < 0.9)
            {
                memberships.Add([1L, id, new DateOnly(2017, 6, 20)]);
            }

            if (i < members)
            {
                memberships.Add([2L, id, new DateOnly(2017, 6, 20)]);
            }

            matters.Add(Matter(id, "FoiaRequest", "Pending", arrest.AddDays(3), null, false));
            var roll = rng.NextDouble();
            if (roll < 0.9)
            {
                var filed = new DateOnly(2017, 9, 1).AddDays(rng.Next(0, 100));
                var status = roll < 0.45 ? "Pending" : roll < 0.8 ? "Denied" : "Granted";
                DateOnly? decided = status == "Pending" ? null : filed.AddDays(rng.Next(20, 60));
                matters.Add(Matter(id, "MotionToReopenIj", status, filed, decided, rng.NextDouble() < 0.5));
                if (status == "Denied")
                {
                    var appealFiled = decided!.Value.AddDays(rng.Next(5, 35));
                    var dismissed = rng.NextDouble() < 0.4;
                    matters.Add(Matter(id, "BiaAppeal", dismissed ? "Denied" : "Pending", appealFiled, dismissed ? appealFiled.AddDays(30) : null, false));
                    if (dismissed && rng.NextDouble() < 0.7)
                    {
                        matters.Add(Matter(id, "PetitionForReview", "Pending", appealFiled.AddDays(40), null, true));
                    }
                }
            }

            if (rng.NextDouble() < 0.5)
            {
                matters.Add(Matter(id, "BondHearing", "Denied", arrest.AddDays(20), arrest.AddDays(25), false));
            }

            if (rng.NextDouble() < 0.3)
            {
                matters.Add(Matter(id, "HabeasPetition", "Pending", arrest.AddDays(5), null, true));
            }
        }

        await Insert("removal_orders", ["Id", "PersonId", "OrderedOn", "IssuedBy", "InAbsentia", "AppealWaived", "AppealReserved", "Proceeding"], orders.Count,
            (v, i) => orders[i].CopyTo(v, 0));
        await Insert("person_events", ["PersonId", "Kind", "On"], events.Count, (v, i) => events[i].CopyTo(v, 0));
        await Insert("class_memberships", ["ClassActionId", "PersonId", "AddedOn"], memberships.Count, (v, i) => memberships[i].CopyTo(v, 0));
        await Insert("matters", ["PersonId", "Kind", "Forum", "Status", "FiledOn", "DecidedOn", "StayRequested", "StayOutcome", "Version", "AcceptedDespiteWaiver"], matters.Count,
            (v, i) =>
            {
                matters[i].CopyTo(v, 0);
                v[9] = false;
            });
        foreach (var table in new[] { "person_protection", "person_deadlines" })
        {
            await using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"SELECT sql FROM sqlite_master WHERE tbl_name = '{table}' AND sql IS NOT NULL";
            var ddl = new List<string>();
            await using (var r = await cmd.ExecuteReaderAsync())
            {
                while (await r.ReadAsync())
                {
                    ddl.Add(r.GetString(0).Replace(table, "bench_" + table, StringComparison.Ordinal)
                        .Replace("\"IX_bench_", "\"IX_bench2_", StringComparison.Ordinal).Replace("\"PK_bench_", "\"PK_bench2_", StringComparison.Ordinal));
                }
            }

            foreach (var sql in ddl)
            {
                cmd.CommandText = sql;
                await cmd.ExecuteNonQueryAsync();
            }
        }

        await tx.CommitAsync();
        return (2, new RowCounts(matters.Count, events.Count, memberships.Count));

        static object?[] Matter(long person, string kind, string status, DateOnly filed, DateOnly? decided, bool stay) =>
            [person, kind, kind is "BiaAppeal" or "MotionToReopenBia" ? "Board" : "ImmigrationJudge", status, filed, decided, stay, "Pending", 0];
    }

    /// <summary>Empties the derived tables (untimed), so that the next recompute is a first one.</summary>
    public static async Task ClearDerivedAsync(Func<StaylineDbContext> context)
    {
        await using var db = context();
        await db.Database.OpenConnectionAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        await DerivedWrite.DeleteAllAsync(BulkTarget.Of(db), CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM derived_watermark");
        await tx.CommitAsync();
    }

    /// <summary>
    /// A working day's new facts for 1% of the people, written behind the save hook's back so that the next full recompute
    /// must find them: A-file received, record of proceedings received, a pending motion to reopen denied, a Board appeal filed
    /// (a quarter each). Returns the number of people touched.
    /// </summary>
    public static async Task<int> ApplyDayOfChangesAsync(Func<StaylineDbContext> context, int people, DateOnly day, int seed)
    {
        var rng = new Random(1000 + seed);
        var ids = new HashSet<long>();
        while (ids.Count < Math.Max(1, people / 100))
        {
            ids.Add(rng.Next(1, people + 1));
        }

        var list = ids.Order().ToList();
        await using var db = context();
        await db.Database.OpenConnectionAsync();
        var c = db.Database.GetDbConnection();
        await using var tx = await c.BeginTransactionAsync();
        var events = list.Where((_, i) => i % 4 < 2).Select((id, i) => new object?[] { id, i % 2 == 0 ? "AFileReceived" : "RecordOfProceedingsReceived", day }).ToList();
        await RawInsert.InsertAsync(new BulkTarget(c, tx, db.Model), "person_events", ["PersonId", "Kind", "On"], events.Count, (v, i) => events[i].CopyTo(v, 0), CancellationToken.None);
        var appeals = list.Where((_, i) => i % 4 == 3).ToList();
        await RawInsert.InsertAsync(new BulkTarget(c, tx, db.Model), "matters", ["PersonId", "Kind", "Forum", "Status", "FiledOn", "StayRequested", "StayOutcome", "Version", "AcceptedDespiteWaiver"], appeals.Count,
            (v, i) => new object?[] { appeals[i], "BiaAppeal", "Board", "Pending", day, false, "Pending", 0, false }.CopyTo(v, 0), CancellationToken.None);
        await using var deny = c.CreateCommand();
        deny.Transaction = tx;
        deny.CommandText = "UPDATE matters SET \"Status\" = 'Denied', \"DecidedOn\" = @day WHERE \"PersonId\" = @id AND \"Kind\" = 'MotionToReopenIj' AND \"Status\" = 'Pending'";
        var pDay = deny.CreateParameter();
        pDay.ParameterName = "@day";
        pDay.Value = day;
        var pId = deny.CreateParameter();
        pId.ParameterName = "@id";
        deny.Parameters.Add(pDay);
        deny.Parameters.Add(pId);
        foreach (var id in list.Where((_, i) => i % 4 == 2))
        {
            pId.Value = id;
            await deny.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        return list.Count;
    }

    /// <summary>A class stay order inserted with plain SQL, so that no save hook recomputes the members.</summary>
    public static async Task InsertClassOrderBehindHookAsync(Func<StaylineDbContext> context, long classId, DateOnly day)
    {
        await using var db = context();
        await db.Database.ExecuteSqlAsync($"INSERT INTO court_orders (\"ClassActionId\", \"Kind\", \"Court\", \"IssuedOn\", \"Title\", \"TermsJson\") VALUES ({classId}, 'ClassStay', 'E.D. Mich.', {day}, 'Bench order behind the hook', {JsonSerializer.Serialize(ClassStayTerms.HamamaLike, new JsonSerializerOptions(JsonSerializerDefaults.Web))})");
    }

    /// <summary>The fact rows the recompute reads, read and touched without mapping them to anything.</summary>
    public static async Task RawReadAsync(Func<StaylineDbContext> context, long? classId = null)
    {
        await using var db = context();
        await db.Database.OpenConnectionAsync();
        var c = db.Database.GetDbConnection();
        var where = classId is null ? "" : $" WHERE \"PersonId\" IN (SELECT \"PersonId\" FROM class_memberships WHERE \"ClassActionId\" = {classId})";
        string[] queries =
        [
            $"SELECT \"Id\" FROM people{(classId is null ? "" : where.Replace("\"PersonId\" IN", "\"Id\" IN", StringComparison.Ordinal))}",
            $"SELECT \"PersonId\", \"Id\", \"OrderedOn\", \"IssuedBy\", \"InAbsentia\", \"AppealWaived\", \"AppealReserved\", \"Proceeding\" FROM removal_orders{where}",
            $"SELECT \"PersonId\", \"Id\", \"Kind\", \"Status\", \"FiledOn\", \"DecidedOn\", \"FiledInTime\", \"StayRequested\", \"StayOutcome\", \"StayDecidedOn\", \"StayGrantedUntil\" FROM matters{where}",
            $"SELECT \"PersonId\", \"Kind\", \"On\" FROM person_events{where}",
            $"SELECT m.\"PersonId\", o.\"Id\" FROM class_memberships m JOIN court_orders o ON o.\"ClassActionId\" = m.\"ClassActionId\"{(classId is null ? "" : " WHERE m." + where[" WHERE ".Length..])}",
        ];
        long touched = 0;
        foreach (var sql in queries)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            await using var r = await cmd.ExecuteReaderAsync();
            var values = new object[r.FieldCount];
            while (await r.ReadAsync())
            {
                touched += r.GetValues(values);
            }
        }

        GC.KeepAlive(touched);
    }

    /// <summary>The derived rows just written, inserted again with the same batched statements into identical tables.</summary>
    public static async Task RawInsertSameRowsAsync(Func<StaylineDbContext> context, long? classId = null)
    {
        await using var db = context();
        await db.Database.OpenConnectionAsync();
        var c = db.Database.GetDbConnection();
        var where = classId is null ? "" : $" WHERE \"PersonId\" IN (SELECT \"PersonId\" FROM class_memberships WHERE \"ClassActionId\" = {classId})";
        string[] pCols = ["PersonId", "State", "PrimarySource", "UntilDate", "UntilEvent", "EndsWithin7Days", "Summary", "ComputedAsOf"];
        string[] dCols = ["PersonId", "RuleId", "CourtOrderId", "TriggerDate", "DueDate", "PeriodDays", "Citation", "State", "Manual"];
        var protection = await ReadAllAsync(c, $"SELECT {Cols(pCols)} FROM person_protection{where}", pCols.Length);
        var deadlines = await ReadAllAsync(c, $"SELECT {Cols(dCols)} FROM person_deadlines{where}", dCols.Length);
        await using (var clear = c.CreateCommand())
        {
            clear.CommandText = "DELETE FROM bench_person_protection; DELETE FROM bench_person_deadlines;";
            await clear.ExecuteNonQueryAsync();
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var tx = await c.BeginTransactionAsync();
        await RawInsert.InsertAsync(new BulkTarget(c, tx, db.Model), "bench_person_protection", pCols, protection.Count, (v, i) => protection[i].CopyTo(v, 0), CancellationToken.None);
        await RawInsert.InsertAsync(new BulkTarget(c, tx, db.Model), "bench_person_deadlines", dCols, deadlines.Count, (v, i) => deadlines[i].CopyTo(v, 0), CancellationToken.None);
        await tx.CommitAsync();
        Elapsed = started.Elapsed;
    }

    /// <summary>Time of the insert alone in the last <see cref="RawInsertSameRowsAsync"/> (the rows are read first, untimed).</summary>
    public static TimeSpan Elapsed { get; private set; }

    private static string Cols(string[] cols) => string.Join(", ", cols.Select(x => $"\"{x}\""));

    private static async Task<List<object?[]>> ReadAllAsync(DbConnection c, string sql, int n)
    {
        var rows = new List<object?[]>();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var row = new object?[n];
            for (var i = 0; i < n; i++)
            {
                row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
