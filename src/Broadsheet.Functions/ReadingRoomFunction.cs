using Broadsheet.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Broadsheet.Functions;

/// <summary>
/// The reading room at /api/ui/: the page and its assets, embedded in Broadsheet.Api. Anonymous, so a browser can load
/// it without a key; the page then sends the user's function key to the API routes as x-functions-key.
/// </summary>
public sealed class ReadingRoomFunction(ApiHandlers api)
{
    [Function(ApiRoutes.ReadingRoom)]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiRoutes.Get, ApiRoutes.Head, Route = ApiRoutes.ReadingRoomTemplate)] HttpRequest request,
        string? path) =>
        ApiRoutes.HandleAsync(ApiRoutes.ReadingRoom, api, request, (nameof(path), path));
}
