using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Broadsheet.Cli.Tests;

/// <summary>When `--api` does not answer as it should, the one line says what failed: DNS, TLS, the HTTP status, a missing key.</summary>
public sealed class ApiFailureTests
{
    private static async Task<(int Code, string Err)> QueryAsync(string api, params string[] more)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await BroadsheetCli.RunAsync(["query", "--q", "人才", "--api", api, .. more], output, error);
        return (code, error.ToString().Trim());
    }

    /// <summary>A server on 127.0.0.1 that answers every connection with the same bytes, then closes it.</summary>
    private sealed class CannedServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public CannedServer(string response)
        {
            listener.Start();
            _ = Task.Run(async () =>
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync();
                    var stream = client.GetStream();
                    if (await stream.ReadAsync(new byte[4096]) == 0) continue; // the request (or a TLS hello): its content does not matter
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
                }
            });
        }

        public void Dispose() => listener.Stop();
    }

    private static string Http(int status, string reason, string body = "") =>
        $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";

    [Fact]
    public async Task A_host_name_that_does_not_resolve_is_called_a_DNS_failure()
    {
        var (code, error) = await QueryAsync("https://no-such-app.invalid/api");
        Assert.Equal(1, code);
        Assert.Equal("broadsheet: cannot reach https://no-such-app.invalid/api: the host name no-such-app.invalid does not resolve (DNS)", error);
    }

    [Fact]
    public async Task A_failed_TLS_handshake_is_called_that()
    {
        using var server = new CannedServer(Http(200, "OK", "{}")); // plain HTTP where TLS is expected
        var (code, error) = await QueryAsync($"https://127.0.0.1:{server.Port}/api");
        Assert.Equal(1, code);
        Assert.StartsWith($"broadsheet: cannot reach https://127.0.0.1:{server.Port}/api: the TLS handshake failed", error);
        Assert.DoesNotContain("broadsheet serve", error);
    }

    [Fact]
    public async Task A_401_without_a_key_asks_for_the_key_and_with_one_says_it_was_refused()
    {
        using var server = new CannedServer(Http(401, "Unauthorized"));
        var api = $"http://127.0.0.1:{server.Port}/api";

        var (code, error) = await QueryAsync(api);
        Assert.Equal(1, code);
        Assert.Equal($"broadsheet: {api} wants a function key (401): pass --key KEY or set BROADSHEET_FUNCTION_KEY", error);

        (code, error) = await QueryAsync(api, "--key", "wrong");
        Assert.Equal(1, code);
        Assert.Contains("refused the function key (401)", error);
    }

    [Fact]
    public async Task Another_HTTP_status_is_named_with_its_reason()
    {
        using var server = new CannedServer(Http(502, "Bad Gateway", """{"error":"upstream is down"}"""));
        var (code, error) = await QueryAsync($"http://127.0.0.1:{server.Port}/api");
        Assert.Equal(1, code);
        Assert.Equal($"broadsheet: http://127.0.0.1:{server.Port}/api answered 502: upstream is down", error);
    }

    [Fact]
    public async Task Nothing_listening_on_this_machine_still_suggests_starting_the_dev_host()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; }
        var (code, error) = await QueryAsync($"http://127.0.0.1:{port}/api");
        Assert.Equal(1, code);
        Assert.Equal($"broadsheet: cannot reach http://127.0.0.1:{port}/api — is `broadsheet serve` running?", error);
    }
}
