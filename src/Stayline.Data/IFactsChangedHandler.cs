namespace Stayline.Data;

/// <summary>Updates what derives from the facts inside the transaction that changed them; every registered handler runs.</summary>
public interface IFactsChangedHandler
{
    Task OnFactsChangedAsync(StaylineDbContext db, FactChanges changes, CancellationToken ct);
}
