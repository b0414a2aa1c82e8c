using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Broadsheet.Core.Layout;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Api;

/// <summary>
/// Serves the reading room — the browser front end built from src/Broadsheet.Web by `npm run build:web` — from files
/// embedded in this assembly, so the function app (route ui/{*path}) and the dev host serve the same bytes. The page
/// uses relative URLs and hash routes, so it works under any prefix. Without a built bundle every request gets a 503
/// that says how to build it.
/// </summary>
public sealed class ReadingRoomHandler
{
    /// <summary>Manifest names of the embedded files start with this (see Broadsheet.Api.csproj).</summary>
    public const string ResourcePrefix = "ReadingRoom/";

    private const string NotBuilt = "The reading room is not built into this app: run `npm run build:web`, then build the app again.";

    // The page talks to its own origin only, runs no inline script and can't be framed.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly Lazy<ReadingRoomHandler> EmbeddedBundle = new(() => FromAssembly(typeof(ReadingRoomHandler).Assembly));

    private readonly FrozenDictionary<string, StaticFile> _files;

    /// <param name="files">Bundle-relative path ("index.html", "assets/index-abc.js") → content.</param>
    public ReadingRoomHandler(IReadOnlyDictionary<string, byte[]> files)
    {
        _files = files.ToFrozenDictionary(f => f.Key, f => StaticFile.For(f.Key, f.Value), StringComparer.Ordinal);
    }

    /// <summary>The bundle embedded in Broadsheet.Api at build time.</summary>
    public static ReadingRoomHandler Embedded => EmbeddedBundle.Value;

    /// <summary>False when the app was built without `npm run build:web`.</summary>
    public bool IsBuilt => _files.ContainsKey("index.html");

    public static ReadingRoomHandler FromAssembly(Assembly assembly)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            // MSBuild's %(RecursiveDir) uses the build machine's separator.
            files[name[ResourcePrefix.Length..].Replace('\\', '/')] = buffer.ToArray();
        }
        return new ReadingRoomHandler(files);
    }

    /// <summary>GET/HEAD {prefix}/ui/{*path}: a file of the bundle; the page itself for an empty path.</summary>
    public IResult Serve(HttpRequest request, string? path)
    {
        if (!IsBuilt) return Text(StatusCodes.Status503ServiceUnavailable, NotBuilt);

        path = (path ?? "").TrimStart('/');
        if (path.Length == 0)
        {
            // "…/ui" must become "…/ui/", or the page's relative asset URLs would resolve one level up.
            var here = request.PathBase.Add(request.Path).Value ?? "/";
            if (!here.EndsWith('/')) return TypedResults.Redirect(here + "/" + request.QueryString.Value);
            path = "index.html";
        }

        if (!_files.TryGetValue(path, out var file)) return Text(StatusCodes.Status404NotFound, $"No file '{Clip(path)}' in the reading room.");

        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // Vite names assets by content hash, so they never change; the page itself is revalidated every time.
        headers.CacheControl = path.StartsWith("assets/", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache";
        if (file.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
        }
        // The file result answers If-None-Match with 304.
        return TypedResults.File(file.Content, file.ContentType, entityTag: file.ETag);
    }

    private static IResult Text(int status, string line) => TypedResults.Text(line + "\n", "text/plain; charset=utf-8", statusCode: status);

    private static string Clip(string s) => s.Length > 80 ? Chars.Clip(s, 80) + "…" : s;

    private sealed record StaticFile(byte[] Content, string ContentType, EntityTagHeaderValue ETag)
    {
        public static StaticFile For(string path, byte[] content)
        {
            var type = ContentTypes.TryGetContentType(path, out var t) ? t : "application/octet-stream";
            if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "text/javascript" or "application/json" or "image/svg+xml")
                type += "; charset=utf-8";
            var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
            return new StaticFile(content, type, new EntityTagHeaderValue($"\"{hash}\""));
        }
    }
}
