using System.Security.Cryptography;

namespace TeGen.Sandbox.Store;

// Everything the sandbox remembers. Request handlers run one at a time under Gate, which makes a dedup search and
// the insert that follows it atomic without per-table locking; handlers take microseconds, so nothing queues long.
internal sealed class SandboxStore
{
    private long _seq;

    public object Gate { get; } = new();

    public Table<ContactRecord> Contacts { get; } = new();

    public Table<GroupRecord> Groups { get; } = new();

    public Table<NoteRecord> Notes { get; } = new();

    public Table<SurveyRecord> Surveys { get; } = new();

    public Table<ResponseRecord> Responses { get; } = new();

    public Table<InsightRecord> Insights { get; } = new();

    public Dictionary<string, IssuedToken> AccessTokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IssuedToken> RefreshTokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AuthorizationCode> Codes { get; } = new(StringComparer.Ordinal);

    public long NextSeq() => ++_seq;

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
    }
}
