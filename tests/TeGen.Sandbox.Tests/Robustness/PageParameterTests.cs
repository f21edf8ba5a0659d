using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Robustness;

// page[number] and page[size] at and past the limits of 32- and 64-bit integers.
public sealed class PageParameterTests
{
    [Theory]
    [InlineData("page[number]=2147483647")]
    [InlineData("page[number]=2147483648")]
    [InlineData("page[number]=9223372036854775807")]
    [InlineData("page[number]=99999999999999999999")]
    [InlineData("page[number]=4&page[size]=99999999999999999999")]
    public async Task A_huge_page_number_is_a_page_past_the_last_never_page_one(string query)
    {
        await using var lenient = await TestApi.StartAsync();
        await using var strict = await TestApi.StartAsync(options => options.RejectOutOfRangePages = true);

        var empty = (await lenient.GetAsync($"v1/contacts?{query}", await lenient.SeedContactsAsync(3))).Expect(200);

        Assert.Empty(empty.Items);
        Assert.Equal("""{"first":1,"last":1,"next":null,"prev":1}""", empty.Links.ToJsonString());
        (await strict.GetAsync($"v1/contacts?{query}", await strict.SeedContactsAsync(3))).ExpectError(422, "out of range");
    }

    [Fact]
    public async Task A_huge_page_size_is_clamped_or_refused_like_any_oversized_page()
    {
        await using var lenient = await TestApi.StartAsync();
        await using var strict = await TestApi.StartAsync(options => options.RejectOversizedPages = true);

        var page = (await lenient.GetAsync("v1/contacts?page[size]=99999999999999999999", await lenient.SeedContactsAsync(3))).Expect(200);

        Assert.Equal(3, page.Items.Count);
        (await strict.GetAsync("v1/contacts?page[size]=99999999999999999999", await strict.AdminTokenAsync())).ExpectError(400, "page[size]");
    }

    [Fact]
    public async Task Page_offsets_do_not_overflow_with_the_largest_page_size()
    {
        await using var api = await TestApi.StartAsync(options => options.MaxPageSize = int.MaxValue);
        var token = await api.SeedContactsAsync(3);

        var third = (await api.GetAsync("v1/contacts?page[size]=2147483647&page[number]=3", token)).Expect(200);
        var first = (await api.GetAsync("v1/contacts?page[size]=2147483647", token)).Expect(200);

        Assert.Empty(third.Items);
        Assert.Equal(3, first.Items.Count);
        Assert.Equal("""{"first":1,"last":1,"next":null,"prev":1}""", third.Links.ToJsonString());
    }

    [Theory]
    [InlineData("page[number]=-1")]
    [InlineData("page[number]=1.5")]
    [InlineData("page[number]=")]
    [InlineData("page[number]=%201")]
    [InlineData("page[number]=1e3")]
    [InlineData("page[number]=0x10")]
    [InlineData("page[size]=-99999999999999999999")]
    [InlineData("page[size]=0")]
    [InlineData("page[number]=1&page[number]=2")]
    public async Task A_page_parameter_that_is_not_a_positive_integer_gets_400(string query)
    {
        await using var api = await TestApi.StartAsync();

        (await api.GetAsync($"v1/contacts?{query}", await api.AdminTokenAsync())).ExpectError(400, "page[");
    }
}
