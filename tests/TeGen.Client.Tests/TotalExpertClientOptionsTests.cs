namespace TeGen.Client.Tests;

public class TotalExpertClientOptionsTests
{
    private static TotalExpertClientOptions Valid(string baseUrl) =>
        new() { BaseUrl = new Uri(baseUrl), ClientId = "id", ClientSecret = "secret" };

    [Theory]
    [InlineData("https://public.totalexpert.net/")]
    [InlineData("https://public.vt.totalexpert.net")]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080/")]
    [InlineData("http://[::1]:5080/")]
    public void Https_or_loopback_is_accepted(string baseUrl) => Valid(baseUrl).Validate();

    [Theory]
    [InlineData("http://public.totalexpert.net/")]
    [InlineData("http://10.0.0.5/")]
    public void Plain_http_off_loopback_is_refused_naming_the_setting(string baseUrl)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Valid(baseUrl).Validate());
        Assert.Contains("TotalExpert:BaseUrl must use HTTPS", e.Message);
    }

    [Fact]
    public void Missing_credentials_are_named()
    {
        Assert.Contains("TotalExpert:ClientId", Assert.Throws<InvalidOperationException>(() => new TotalExpertClientOptions { ClientSecret = "s" }.Validate()).Message);
        Assert.Contains("TotalExpert:ClientSecret", Assert.Throws<InvalidOperationException>(() => new TotalExpertClientOptions { ClientId = "i" }.Validate()).Message);
    }

    [Fact]
    public void Presets_point_at_TE_hosts()
    {
        Assert.Equal("https://public.totalexpert.net/", TotalExpertEnvironments.Production.AbsoluteUri);
        Assert.Equal("https://public.vt.totalexpert.net/", TotalExpertEnvironments.Sandbox.AbsoluteUri);
        Assert.Equal(TotalExpertEnvironments.Production, new TotalExpertClientOptions().BaseUrl);
    }

    [Fact]
    public void Limits_default_to_TE_published_limits()
    {
        var options = new TotalExpertClientOptions();
        Assert.Equal(2, options.Tokens.MaxRequestsPerHour);
        Assert.Equal(1000, options.RateLimit.RequestsPerWindow);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RateLimit.Window);
    }
}
