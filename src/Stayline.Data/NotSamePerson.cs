namespace Stayline.Data;

/// <summary>Someone decided that two records are different people: the pair is never proposed again.</summary>
public sealed class NotSamePerson
{
    /// <summary>The smaller person id of the pair.</summary>
    public long LowId { get; set; }
    public long HighId { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserName { get; set; } = "";
}
