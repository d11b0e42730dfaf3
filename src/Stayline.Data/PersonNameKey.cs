namespace Stayline.Data;

/// <summary>
/// The spelling-key dictionary of the name search: which stored tokens carry a spelling key ("yousif" and "youssef"
/// both carry ysf). A person has a key when one of their tokens is listed under it. Rows are added with the tokens and
/// never removed (a token nobody has any more finds nobody); <c>db reindex</c> rebuilds it.
/// </summary>
public sealed class PersonNameKey
{
    public string Key { get; set; } = "";

    public string Token { get; set; } = "";
}
