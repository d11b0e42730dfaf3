namespace Stayline.Data;

/// <summary>
/// The people without a protection row, kept by the database itself: triggers on <c>people</c> and
/// <c>person_protection</c> add a person when they are inserted without one and when their row is deleted while they
/// remain, and take them out when a row is written for them or they are deleted. Written by the database, so rows
/// written around the app (SQL, another tool) count too. The board asks whether the table holds anyone
/// (<see cref="Bulk.DerivedRead.AnyoneWithoutProtectionAsync"/>): one row read, where comparing the two tables' counts
/// read a million index entries each (12-33 ms of CPU a page at a million people, session 17).
/// Not in the EF model (like the token table's cascade trigger): made by a migration's SQL, and by the SQLite
/// migrations generator again after any rebuild of either table (a rebuild drops the table's triggers).
/// </summary>
public static class PeopleWithoutProtection
{
    public const string Table = "people_without_protection";

    private const string PersonAdded = Table + "_person_added";
    private const string PersonGone = Table + "_person_gone";
    private const string RowAdded = Table + "_row_added";
    private const string RowGone = Table + "_row_gone";

    /// <summary>The people without a row now: what the triggers keep from here on.</summary>
    private const string Fill = $"""
        DELETE FROM {Table};
        INSERT INTO {Table} ("PersonId") SELECT p."Id" FROM people p
        WHERE NOT EXISTS (SELECT 1 FROM person_protection pp WHERE pp."PersonId" = p."Id");
        """;

    /// <summary>SQLite: drops the triggers (before a rebuild of either table: a rename checks every trigger's tables).</summary>
    public const string DropSqliteTriggers = $"""
        DROP TRIGGER IF EXISTS "{PersonAdded}";
        DROP TRIGGER IF EXISTS "{PersonGone}";
        DROP TRIGGER IF EXISTS "{RowAdded}";
        DROP TRIGGER IF EXISTS "{RowGone}";
        """;

    /// <summary>SQLite: the table, its four triggers and its rows (again from the tables, so it can follow a rebuild).</summary>
    public const string CreateSqlite = $"""
        CREATE TABLE IF NOT EXISTS {Table} ("PersonId" INTEGER NOT NULL PRIMARY KEY);
        {DropSqliteTriggers}
        CREATE TRIGGER "{PersonAdded}" AFTER INSERT ON people
        WHEN NOT EXISTS (SELECT 1 FROM person_protection pp WHERE pp."PersonId" = NEW."Id")
        BEGIN INSERT OR IGNORE INTO {Table} ("PersonId") VALUES (NEW."Id"); END;
        CREATE TRIGGER "{PersonGone}" AFTER DELETE ON people
        BEGIN DELETE FROM {Table} WHERE "PersonId" = OLD."Id"; END;
        CREATE TRIGGER "{RowAdded}" AFTER INSERT ON person_protection
        BEGIN DELETE FROM {Table} WHERE "PersonId" = NEW."PersonId"; END;
        CREATE TRIGGER "{RowGone}" AFTER DELETE ON person_protection
        WHEN EXISTS (SELECT 1 FROM people p WHERE p."Id" = OLD."PersonId")
        BEGIN INSERT OR IGNORE INTO {Table} ("PersonId") VALUES (OLD."PersonId"); END;
        {Fill}
        """;

    /// <summary>SQLite: undoes <see cref="CreateSqlite"/>.</summary>
    public const string DropSqlite = $"""
        {DropSqliteTriggers}
        DROP TABLE IF EXISTS {Table};
        """;

    /// <summary>PostgreSQL: the table, one statement-level trigger per change (a set statement over the statement's
    /// rows: an import of thousands of people is one insert here, not one per person) and its rows.</summary>
    public const string CreatePostgres = $"""
        CREATE TABLE IF NOT EXISTS {Table} ("PersonId" bigint NOT NULL PRIMARY KEY);
        CREATE OR REPLACE FUNCTION {PersonAdded}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            INSERT INTO {Table} ("PersonId") SELECT a."Id" FROM added a
            WHERE NOT EXISTS (SELECT 1 FROM person_protection pp WHERE pp."PersonId" = a."Id") ON CONFLICT DO NOTHING;
            RETURN NULL;
        END
        $body$;
        CREATE OR REPLACE FUNCTION {PersonGone}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            DELETE FROM {Table} w USING gone g WHERE w."PersonId" = g."Id";
            RETURN NULL;
        END
        $body$;
        CREATE OR REPLACE FUNCTION {RowAdded}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            DELETE FROM {Table} w USING added a WHERE w."PersonId" = a."PersonId";
            RETURN NULL;
        END
        $body$;
        CREATE OR REPLACE FUNCTION {RowGone}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            INSERT INTO {Table} ("PersonId") SELECT g."PersonId" FROM gone g
            WHERE EXISTS (SELECT 1 FROM people p WHERE p."Id" = g."PersonId") ON CONFLICT DO NOTHING;
            RETURN NULL;
        END
        $body$;
        DROP TRIGGER IF EXISTS {PersonAdded} ON people;
        DROP TRIGGER IF EXISTS {PersonGone} ON people;
        DROP TRIGGER IF EXISTS {RowAdded} ON person_protection;
        DROP TRIGGER IF EXISTS {RowGone} ON person_protection;
        CREATE TRIGGER {PersonAdded} AFTER INSERT ON people REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION {PersonAdded}();
        CREATE TRIGGER {PersonGone} AFTER DELETE ON people REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION {PersonGone}();
        CREATE TRIGGER {RowAdded} AFTER INSERT ON person_protection REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION {RowAdded}();
        CREATE TRIGGER {RowGone} AFTER DELETE ON person_protection REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION {RowGone}();
        {Fill}
        """;

    /// <summary>PostgreSQL: undoes <see cref="CreatePostgres"/> (dropping a function drops its trigger).</summary>
    public const string DropPostgres = $"""
        DROP FUNCTION IF EXISTS {PersonAdded}() CASCADE;
        DROP FUNCTION IF EXISTS {PersonGone}() CASCADE;
        DROP FUNCTION IF EXISTS {RowAdded}() CASCADE;
        DROP FUNCTION IF EXISTS {RowGone}() CASCADE;
        DROP TABLE IF EXISTS {Table};
        """;
}
