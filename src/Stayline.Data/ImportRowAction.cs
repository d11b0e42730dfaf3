namespace Stayline.Data;

/// <summary>What an import did with one row.</summary>
public enum ImportRowAction
{
    Created,
    Updated,
    /// <summary>The row matched a person whose record already said the same: nothing changed.</summary>
    Unchanged,
    /// <summary>The linkage engine could not decide; a person must look (the Review page).</summary>
    Review,
    /// <summary>A review row someone decided; see the row's person.</summary>
    Resolved,
    /// <summary>The row names a facility not in the catalogue: nothing was written for it until someone chooses one (the Import page).</summary>
    Held,
}
