namespace Stayline.Data;

/// <summary>A merge of one person into another, with everything undo needs: the absorbed record and what moved.</summary>
public sealed class MergeRecord
{
    public long Id { get; set; }
    public long SurvivorId { get; set; }
    public long AbsorbedId { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>JSON: the absorbed person's values (to recreate it with the same id).</summary>
    public string Absorbed { get; set; } = "";
    /// <summary>JSON: the survivor's values before the merge.</summary>
    public string SurvivorBefore { get; set; } = "";
    /// <summary>JSON: the records that moved (entity type and key) and the alias the merge added.</summary>
    public string Moved { get; set; } = "";
    public DateTimeOffset? UndoneAt { get; set; }
}
