using System.Globalization;
using System.Text;

namespace TeGen.Tool.Tests.Support;

/// <summary>Generated contact files: valid rows, with an invalid one at every <c>invalidEvery</c>-th row.</summary>
internal static class ContactFiles
{
    public const string Header = "First Name,Last Name,E-mail,Phone,Birthday,Groups";

    /// <summary>Writes <paramref name="rows"/> data rows; returns the file lines (header = 1) of the invalid ones.</summary>
    public static HashSet<int> WriteCsv(string path, int rows, int invalidEvery, string tag)
    {
        var text = new StringBuilder(Header).Append('\n');
        var invalid = new HashSet<int>();
        for (var i = 1; i <= rows; i++)
        {
            var line = i + 1;
            var email = Email(tag, i);
            if (invalidEvery > 0 && i % invalidEvery == 0)
            {
                invalid.Add(line);

                // Alternately: no last name (the SDK's contact minimum), and a birthday that is no date.
                text.Append(i % (2 * invalidEvery) == 0 ? $"Ann{i},,{email},,," : $"Ann{i},Lee,{email},,not-a-date,");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"Ann{i},\"Lee, {tag}\",{email},555-01{i % 100:00},1970-04-{1 + (i % 28):00},Prospects");
            }

            text.Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return invalid;
    }

    public static string Email(string tag, int row) => $"ann{row}.{tag}@example.com";
}
