using Broadsheet.Pipeline.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Broadsheet.Functions;

/// <summary>
/// The reading room at /api/ui/: the page and its assets, embedded in Broadsheet.Pipeline. Anonymous, so a browser can
/// load it without a key; the page then sends the user's function key to the API routes as x-functions-key.
/// </summary>
public sealed class ReadingRoomFunction
{
    [Function("ReadingRoom")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "ui/{*path}")] HttpRequest request,
        string? path) =>
        ReadingRoomHandler.Embedded.Serve(request, path);
}
