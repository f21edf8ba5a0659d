using TeGen.Build.Specs;

namespace TeGen.Build.Tests.Specs;

public class CSharpIdentifiersTests
{
    [Theory]
    [InlineData("Lead Opportunities (New)", "LeadOpportunitiesNew")]
    [InlineData("Contact Endpoints", "ContactEndpoints")]
    [InlineData("Contact_Endpoints", "ContactEndpoints")]
    [InlineData("get-contacts", "GetContacts")]
    [InlineData("leads.list", "LeadsList")]
    [InlineData("2021 Loans", "_2021Loans")]
    [InlineData("Events & Webinars", "EventsWebinars")]
    [InlineData("()", "Unnamed")]
    public void Pascal_case_joins_the_words(string name, string expected) =>
        Assert.Equal(expected, CSharpIdentifiers.ToPascalCase(name));

    [Theory]
    [InlineData("first_name", "firstName")]
    [InlineData("page[number]", "pageNumber")]
    [InlineData("filter[owner.email]", "filterOwnerEmail")]
    [InlineData("X-Request-Id", "xRequestId")]
    [InlineData("ID", "id")]
    [InlineData("class", "class_")]
    [InlineData("event", "event_")]
    [InlineData("2fa", "_2fa")]
    [InlineData("pageNumber", "pageNumber")]
    public void Camel_case_lowers_the_first_word_and_avoids_keywords(string name, string expected) =>
        Assert.Equal(expected, CSharpIdentifiers.ToCamelCase(name));

    [Fact]
    public void Unique_names_get_a_number_ignoring_case()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        Assert.Equal("Search", CSharpIdentifiers.MakeUnique("Search", taken));
        Assert.Equal("search2", CSharpIdentifiers.MakeUnique("search", taken));
        Assert.Equal("Search3", CSharpIdentifiers.MakeUnique("Search", taken));
    }
}
