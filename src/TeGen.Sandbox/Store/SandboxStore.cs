using System.Security.Cryptography;

namespace TeGen.Sandbox.Store;

// Everything the sandbox remembers. Request handlers run one at a time under Gate, which makes a dedup search and
// the insert that follows it atomic without per-table locking; handlers take microseconds, so nothing queues long.
internal sealed class SandboxStore
{
    private readonly Dictionary<string, Table<GenericRecord>> _collections = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seeded = new(StringComparer.Ordinal);
    private long _seq;

    public object Gate { get; } = new();

    public Table<ContactRecord> Contacts { get; } = new();

    public Table<GroupRecord> Groups { get; } = new();

    public Table<NoteRecord> Notes { get; } = new();

    public Table<SurveyRecord> Surveys { get; } = new();

    public Table<ResponseRecord> Responses { get; } = new();

    public Table<InsightRecord> Insights { get; } = new();

    // Records of collections no rule keeps in a table of its own, keyed by collection path (e.g. "/v1/users").
    public IReadOnlyDictionary<string, Table<GenericRecord>> Collections => _collections;

    public Dictionary<string, IssuedToken> AccessTokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IssuedToken> RefreshTokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AuthorizationCode> Codes { get; } = new(StringComparer.Ordinal);

    public long NextSeq() => ++_seq;

    public Table<GenericRecord> Collection(string path) =>
        _collections.TryGetValue(path, out var table) ? table : _collections[path] = new Table<GenericRecord>();

    // Seeded collections (users, insight types, ...) are what TE provisions: a reset keeps them.
    public void MarkSeeded(string path) => _seeded.Add(path);

    public static string NewHexId(int length) => RandomNumberGenerator.GetHexString(length, lowercase: true);

    // Tokens survive a reset so that a fixture shared by several tests keeps its (rate-limited) tokens.
    public void ClearData()
    {
        Contacts.Clear();
        Groups.Clear();
        Notes.Clear();
        Surveys.Clear();
        Responses.Clear();
        Insights.Clear();
        foreach (var (path, table) in _collections)
        {
            if (!_seeded.Contains(path))
            {
                table.Clear();
            }
        }
    }
}
