using System.Text.Json.Nodes;
using Broadsheet.Infra.Tests.Support;

namespace Broadsheet.Infra.Tests;

/// <summary>What infra/main.bicep deploys, read from the deployment snapshot of the compiled template.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class DeployedResourcesTests(Templates templates)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private Snapshot Full => templates.Full;

    private JsonObject Storage => Full.Single("Microsoft.Storage/storageAccounts");

    private JsonObject Identity => Full.Single("Microsoft.ManagedIdentity/userAssignedIdentities");

    private JsonObject App => Full.Single("Microsoft.Web/sites");

    private JsonObject AppSettings => Full.Single("Microsoft.Web/sites/config")["properties"]!.AsObject();

    [Fact]
    public void Storage_account_allows_no_shared_keys_no_public_blobs_and_tls_1_2_only()
    {
        var properties = Storage["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
    }

    [Fact]
    public void Storage_has_private_containers_for_issues_dead_letters_and_the_app_package()
    {
        var containers = Full.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal(
            ["app-package", "deadletter", "issues"],
            containers.Select(c => ((string)c["name"]!).Split('/')[^1]).Order());
        Assert.All(containers, c => Assert.Equal("None", (string?)c["properties"]!["publicAccess"]));
        Assert.All(containers, c => Assert.StartsWith((string)Storage["id"]! + "/", (string)c["id"]!));
    }

    [Fact]
    public void Function_app_is_dotnet_10_isolated_on_a_flex_consumption_plan()
    {
        var plan = Full.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);

        Assert.Equal("functionapp,linux", (string?)App["kind"]);
        var properties = App["properties"]!;
        Assert.Equal((string?)plan["id"], (string?)properties["serverFarmId"]);
        Assert.True((bool)properties["httpsOnly"]!);
        var runtime = properties["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);

        // azd deploys the `api` service to the app carrying this tag.
        Assert.Equal("api", (string?)App["tags"]!["azd-service-name"]);

        // Flex Consumption sets the runtime itself and rejects these settings.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", AppSettings.Select(s => s.Key));
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", AppSettings.Select(s => s.Key));
    }

    [Fact]
    public void Function_app_runs_as_the_user_assigned_identity_and_deploys_its_package_with_it()
    {
        var identityId = (string)Identity["id"]!;

        Assert.Equal("UserAssigned", (string?)App["identity"]!["type"]);
        Assert.Equal([identityId], App["identity"]!["userAssignedIdentities"]!.AsObject().Select(p => p.Key));

        var deployment = App["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", (string?)deployment["type"]);
        Assert.Contains((string)Storage["id"]!, (string)deployment["value"]!);
        Assert.EndsWith("'app-package')]", (string)deployment["value"]!);
        Assert.Equal("UserAssignedIdentity", (string?)deployment["authentication"]!["type"]);
        Assert.Equal(identityId, (string?)deployment["authentication"]!["userAssignedIdentityResourceId"]);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("IssueStorage")]
    public void Storage_connections_are_identity_based(string connection)
    {
        var identityId = (string)Identity["id"]!;
        var storageId = (string)Storage["id"]!;

        Assert.Equal("managedidentity", (string?)AppSettings[$"{connection}__credential"]);
        Assert.Equal(ReferenceTo(identityId, "clientId"), Unversioned((string?)AppSettings[$"{connection}__clientId"]));
        Assert.Equal(ReferenceTo(storageId, "primaryEndpoints.blob"), Unversioned((string?)AppSettings[$"{connection}__blobServiceUri"]));
        Assert.Equal(ReferenceTo(storageId, "primaryEndpoints.queue"), Unversioned((string?)AppSettings[$"{connection}__queueServiceUri"]));
        Assert.Equal(ReferenceTo(storageId, "primaryEndpoints.table"), Unversioned((string?)AppSettings[$"{connection}__tableServiceUri"]));

        // A plain setting under the connection name would be a connection string, i.e. a key.
        Assert.Null(AppSettings[connection]);
    }

    [Fact]
    public void Continuation_tokens_are_signed_with_a_key_azd_generates_once_not_on_every_provision()
    {
        var parameter = templates.Compiled["parameters"]!["continuationTokenKey"]!;
        Assert.Equal("securestring", (string?)parameter["type"]);
        // No default: newGuid() there gave every provision a new key, and every user's paging links answered 400.
        Assert.Null(parameter["defaultValue"]);
        // azd generates a value for a parameter nothing supplies, once, and keeps it in the environment's config.
        Assert.Equal("generate", (string?)parameter["metadata"]?["azd"]?["type"]);
        Assert.True((int?)parameter["metadata"]?["azd"]?["config"]?["length"] >= 32);
        Assert.True((int?)parameter["minLength"] >= 32);
        var file = JsonNode.Parse(File.ReadAllText(Repo.PathOf("infra", "main.parameters.json")))!["parameters"]!.AsObject();
        Assert.False(file.ContainsKey("continuationTokenKey"), "main.parameters.json must leave the key to azd");

        // Secure values stay unevaluated in the snapshot: the setting is the parameter, passed down as it is.
        Assert.Equal("[parameters('continuationTokenKey')]", (string?)AppSettings["ContinuationTokenKey"]);
    }

    [Fact]
    public void No_app_setting_holds_a_storage_key()
    {
        Assert.All(AppSettings, s =>
        {
            var value = s.Value?.ToString() ?? "";
            Assert.DoesNotContain("AccountKey", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", value, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Identity_holds_blob_owner_queue_and_table_contributor_roles_on_the_storage_account()
    {
        var storageId = (string)Storage["id"]!;
        var appAssignments = RoleAssignments()
            .Where(a => ScopeOf(a) == storageId && PrincipalOf(a) == ReferenceTo((string)Identity["id"]!, "principalId"))
            .ToList();

        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor }.Order(),
            appAssignments.Select(RoleOf).Order());
        Assert.All(appAssignments, a => Assert.Equal("ServicePrincipal", (string?)a["properties"]!["principalType"]));
    }

    [Fact]
    public void Application_insights_is_workspace_based_with_local_auth_off_and_the_app_sends_with_entra_id()
    {
        var workspace = Full.Single("Microsoft.OperationalInsights/workspaces");
        var insights = Full.Single("Microsoft.Insights/components");
        Assert.True((bool)insights["properties"]!["DisableLocalAuth"]!);
        Assert.Equal((string?)workspace["id"], (string?)insights["properties"]!["WorkspaceResourceId"]);

        var identityId = (string)Identity["id"]!;
        Assert.Equal(ReferenceTo((string)insights["id"]!, "ConnectionString"), Unversioned((string?)AppSettings["APPLICATIONINSIGHTS_CONNECTION_STRING"]));
        var authentication = (string?)AppSettings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD', reference('" + identityId + "'", authentication);
        Assert.EndsWith(").clientId)]", authentication);

        var publisher = Assert.Single(RoleAssignments(), a => RoleOf(a) == MonitoringMetricsPublisher);
        Assert.Equal((string?)insights["id"], ScopeOf(publisher));
        Assert.Equal(ReferenceTo(identityId, "principalId"), PrincipalOf(publisher));
    }

    [Fact]
    public void Blob_created_events_from_the_issues_container_go_to_the_blob_trigger_webhook()
    {
        Assert.True(templates.HookDeployment.Result.ExitCode == 0, templates.HookDeployment.Result.Output);
        var topic = Full.Single("Microsoft.EventGrid/systemTopics");
        Assert.Equal((string?)Storage["id"], (string?)topic["properties"]!["source"]);
        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["properties"]!["topicType"]);

        var subscription = templates.HookDeployment.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions");
        Assert.StartsWith((string)topic["id"]! + "/eventSubscriptions/", (string)subscription["id"]!);
        var properties = subscription["properties"]!;
        Assert.Equal(["Microsoft.Storage.BlobCreated"], properties["filter"]!["includedEventTypes"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("/blobServices/default/containers/issues/", (string?)properties["filter"]!["subjectBeginsWith"]);

        var destination = properties["destination"]!;
        Assert.Equal("WebHook", (string?)destination["endpointType"]);
        var url = (string)destination["properties"]!["endpointUrl"]!;
        Assert.StartsWith("[format('https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}', reference('" + (string)App["id"]! + "'", url);
        Assert.Contains(".defaultHostName, 'OnIssueUploaded', ", url);
        // The key is the host's blobs_extension system key, read at deployment time and never output.
        Assert.Contains($"listKeys('{(string)App["id"]!}/host/default', ", url);
        Assert.EndsWith(").systemKeys.blobs_extension)]", url);
    }

    [Fact]
    public void Undeliverable_upload_events_are_dead_lettered_with_the_topic_identity()
    {
        var topic = Full.Single("Microsoft.EventGrid/systemTopics");
        Assert.Equal("SystemAssigned", (string?)topic["identity"]!["type"]);

        var deadLetter = templates.HookDeployment.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions")["properties"]!["deadLetterWithResourceIdentity"]!;
        Assert.Equal("SystemAssigned", (string?)deadLetter["identity"]!["type"]);
        Assert.Equal("StorageBlob", (string?)deadLetter["deadLetterDestination"]!["endpointType"]);
        Assert.Equal((string?)Storage["id"], (string?)deadLetter["deadLetterDestination"]!["properties"]!["resourceId"]);
        Assert.Equal("deadletter", (string?)deadLetter["deadLetterDestination"]!["properties"]!["blobContainerName"]);

        // The topic may write to the dead-letter container and nowhere else.
        var topicWrites = Assert.Single(RoleAssignments(), a => PrincipalOf(a).StartsWith("[reference('" + (string)topic["id"]! + "'", StringComparison.Ordinal));
        Assert.Equal(StorageBlobDataContributor, RoleOf(topicWrites));
        Assert.Equal((string)Storage["id"]! + "/blobServices/default/containers/deadletter", ScopeOf(topicWrites));
    }

    [Fact]
    public void Provisioning_never_declares_the_event_subscription_whatever_the_environment_says()
    {
        // `azd down --purge`, then `azd up`: the environment keeps what an older postdeploy hook wrote
        // (UPLOAD_EVENTS_ENABLED=true), but the new app has no code yet, so no blobs_extension key to subscribe with.
        var stale = templates.StaleEnvironment;
        Assert.True(stale.Result.ExitCode == 0, stale.Result.Output);
        Assert.Single(stale.OfType("Microsoft.Web/sites"));
        Assert.Single(stale.OfType("Microsoft.EventGrid/systemTopics"));
        Assert.Empty(stale.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));

        Assert.Empty(Full.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
        var deployments = templates.Compiled["resources"]!.AsArray().Select(r => (string?)r!["name"]);
        Assert.DoesNotContain("upload-subscription", deployments);
        Assert.Null(templates.Compiled["parameters"]!["uploadEventsEnabled"]);
    }

    [Fact]
    public void Deploying_user_may_upload_issues_and_read_tables_with_their_sign_in()
    {
        var userAssignments = RoleAssignments().Where(a => PrincipalOf(a) == Templates.UserPrincipalId).ToList();

        Assert.Equal(new[] { StorageBlobDataContributor, StorageTableDataContributor }.Order(), userAssignments.Select(RoleOf).Order());
        Assert.All(userAssignments, a => Assert.Equal((string?)Storage["id"], ScopeOf(a)));
        Assert.All(userAssignments, a => Assert.Equal("User", (string?)a["properties"]!["principalType"]));
    }

    [Fact]
    public void First_provision_leaves_out_the_event_subscription_and_user_roles()
    {
        var first = templates.FirstProvision;

        Assert.Empty(first.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
        Assert.Single(first.OfType("Microsoft.EventGrid/systemTopics"));
        Assert.Single(first.OfType("Microsoft.Web/sites"));
        Assert.DoesNotContain(first.OfType("Microsoft.Authorization/roleAssignments"), a => (string?)a["properties"]!["principalType"] == "User");
    }

    [Fact]
    public void Outputs_give_azd_the_api_url_storage_account_and_issues_container()
    {
        Assert.Equal("issues", Full.Output("ISSUES_CONTAINER_NAME"));
        Assert.Equal((string?)Storage["name"], Full.Output("AZURE_STORAGE_ACCOUNT_NAME"));
        Assert.Equal((string?)App["name"], Full.Output("AZURE_FUNCTION_APP_NAME"));
        Assert.Equal(
            $"[format('https://{{0}}/api', {ReferenceTo((string)App["id"]!, "defaultHostName")[1..^1]})]",
            Unversioned(Full.Output("API_BASE_URL")));
        Assert.Equal("rg-ci", Full.Output("AZURE_RESOURCE_GROUP"));
    }

    private IEnumerable<JsonObject> RoleAssignments() => Full.OfType("Microsoft.Authorization/roleAssignments");

    private static string RoleOf(JsonObject assignment) =>
        ((string)assignment["properties"]!["roleDefinitionId"]!).Split('/')[^1];

    private static string PrincipalOf(JsonObject assignment) =>
        Unversioned((string?)assignment["properties"]!["principalId"]) ?? "";

    private static string ScopeOf(JsonObject assignment)
    {
        var id = (string)assignment["id"]!;
        return id[..id.IndexOf("/providers/Microsoft.Authorization/roleAssignments/", StringComparison.Ordinal)];
    }

    /// <summary>How the snapshot writes a runtime property of a resource, minus the API version.</summary>
    private static string ReferenceTo(string resourceId, string property) => $"[reference('{resourceId}').{property}]";

    /// <summary>Drops the API version argument from reference(...) so assertions don't pin API versions.</summary>
    private static string? Unversioned(string? expression) =>
        expression is null ? null : System.Text.RegularExpressions.Regex.Replace(expression, @"reference\('([^']*)', '[^']*'(, 'full')?\)", "reference('$1')");
}
