namespace TeGen.Sandbox;

/// <summary>Name of the array member of a paged collection response.</summary>
public enum PageEnvelope
{
    /// <summary><c>{"items": [...], "links": {...}}</c>, as in every TE example.</summary>
    Items,

    /// <summary><c>{"objects": [...], "links": {...}}</c>, as TE's prose describes it.</summary>
    Objects,
}
