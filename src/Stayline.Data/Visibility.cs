using Microsoft.EntityFrameworkCore.Metadata;
using Stayline.Data.Bulk;
using Stayline.Domain.Organisations;
using Stayline.Domain.People;

namespace Stayline.Data;

/// <summary>
/// Which people a reader may see: everyone (an admin of the coordinating organisation, the command line, the
/// server's own jobs), or the people of one organisation and those shared with it. The one rule of organisation
/// scoping: <see cref="StaylineDbContext"/> turns it into a query filter on people and on everything that belongs to a
/// person, and <see cref="SqlPredicate"/> into the same condition for SQL written below EF Core.
/// </summary>
/// <param name="All">Sees every organisation's people.</param>
/// <param name="OrganisationId">The reader's own organisation (also for a reader who sees all: new people go there);
/// null for the command line and for a signed-in user whose session names none (who then sees nobody).</param>
public readonly record struct Visibility(bool All, long? OrganisationId)
{
    /// <summary>The whole install: the command line and the server's background jobs (no signed-in user).</summary>
    public static Visibility Everyone { get; } = new(true, null);

    /// <summary>A signed-in user whose session carries no organisation (signed in before organisations existed): fails closed.</summary>
    public static Visibility Nobody { get; } = new(false, null);

    public static Visibility For(long organisationId, bool coordinatingAdmin) => new(coordinatingAdmin, organisationId);

    /// <summary>Whether the reader acts for the organisation that owns a person (shares them, posts or withdraws their
    /// case): a reader of that organisation, or one who sees all.</summary>
    public bool ActsFor(long ownerOrganisationId) => All || OrganisationId == ownerOrganisationId;

    /// <summary>An organisation id no row has: what a filter compares with when the reader has none.</summary>
    public long OrganisationOrNone => OrganisationId ?? -1;

    /// <summary>
    /// The visibility condition on a row of people aliased <paramref name="personAlias"/>, with the parameter
    /// <paramref name="parameter"/> (bound to <see cref="OrganisationOrNone"/>); "1 = 1" when the reader sees all.
    /// </summary>
    public string SqlPredicate(IModel model, string personAlias, string parameter)
    {
        if (All)
        {
            return "1 = 1";
        }

        var org = model.Column<Person>(nameof(Person.OrganisationId));
        var id = model.Column<Person>(nameof(Person.Id));
        return $"({personAlias}.{org} = {parameter} OR EXISTS (SELECT 1 FROM {model.Table<PersonShare>()} AS vs "
            + $"WHERE vs.{model.Column<PersonShare>(nameof(PersonShare.PersonId))} = {personAlias}.{id} "
            + $"AND vs.{model.Column<PersonShare>(nameof(PersonShare.OrganisationId))} = {parameter}))";
    }
}

/// <summary>Gives the reader's <see cref="Visibility"/> at the moment a query runs (the signed-in user of the request).</summary>
public interface IVisibilitySource
{
    Visibility Current { get; }
}
