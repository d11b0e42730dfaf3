using Microsoft.OpenApi;

namespace Stayline.Infrastructure;

/// <summary>
/// Declares the API's one scheme for scripts: an HTTP bearer token from <c>./stayline token create</c>, required by
/// every operation (the browser's cookie is for the pages). Clients generated from the document then send it.
/// </summary>
internal static class OpenApiBearer
{
    public const string SchemeName = "Bearer";

    public static void Declare(OpenApiDocument doc)
    {
        doc.Components ??= new OpenApiComponents();
        doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        doc.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "opaque token",
            Description = "A token from ./stayline token create, sent as Authorization: Bearer TOKEN. Only its hash is stored.",
        };
        doc.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, doc)] = [] }];
    }
}
