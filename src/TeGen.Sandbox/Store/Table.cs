namespace TeGen.Sandbox.Store;

internal sealed class Table<T>
    where T : StoredEntity
{
    private readonly Dictionary<string, T> _rows = new(StringComparer.Ordinal);
    private long _lastId;

    public IEnumerable<T> Rows => _rows.Values.OrderBy(row => row.Seq);

    // Seeded rows bring ids of their own; a new id passes over them.
    public long NextId()
    {
        while (_rows.ContainsKey((++_lastId).ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
        }

        return _lastId;
    }

    public void Add(T row) => _rows.Add(row.Key, row);

    public T? Find(string key) => _rows.GetValueOrDefault(key);

    public bool Remove(string key) => _rows.Remove(key);

    public void Clear()
    {
        _rows.Clear();
        _lastId = 0;
    }
}
