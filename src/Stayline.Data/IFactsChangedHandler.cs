namespace Stayline.Data;

/// <summary>Recomputes derived results inside the transaction that changed their facts.</summary>
public interface IFactsChangedHandler
{
    Task OnFactsChangedAsync(StaylineDbContext db, FactChanges changes, CancellationToken ct);
}
