//! The published contract: a valid OpenAPI 3 document with schemas, examples and the bearer
//! scheme, and a Swagger UI that can call the API.
use serde_json::Value;

use crate::support::*;

async fn spec(app: &TestApp) -> Value {
    let resp = app.http.get(app.url("/openapi.json")).send().await.unwrap();
    resp.json().await.unwrap()
}

#[tokio::test]
async fn openapi_document_describes_every_dermiq_endpoint() {
    let app = TestApp::without_workers().await;
    let spec = spec(&app).await;
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    for (path, method) in [
        ("/v1/analyze", "post"),
        ("/v1/analyze/quick", "post"),
        ("/v1/results/{id}", "get"),
        ("/v1/results/{id}/masks/{name}", "get"),
        ("/v1/account", "get"),
    ] {
        let op = &spec["paths"][path][method];
        assert!(op.is_object(), "{method} {path} missing");
        assert!(
            op["security"].to_string().contains("DermiqKey"),
            "{path} is not marked as needing the key"
        );
    }
    let schemes = &spec["components"]["securitySchemes"]["DermiqKey"];
    assert_eq!(schemes["type"], "http");
    assert_eq!(schemes["scheme"], "bearer");
    let analyze = &spec["paths"]["/v1/analyze"]["post"];
    assert!(analyze["requestBody"]["content"]["multipart/form-data"].is_object());
    for code in ["202", "400", "401", "403", "413", "415", "429"] {
        assert!(
            analyze["responses"][code].is_object(),
            "response {code} undocumented"
        );
    }
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    assert!(
        schemas.contains_key("Report"),
        "result_json is typed: {:?}",
        schemas.keys().collect::<Vec<_>>()
    );
    let result_json = &schemas["AnalysisResult"]["properties"]["result_json"];
    assert!(
        result_json
            .to_string()
            .contains("#/components/schemas/Report"),
        "result_json is documented as the Report: {result_json}"
    );
    assert!(schemas["Report"]["properties"]["hd_eye_bags"].is_object());
    assert!(schemas["ErrorBody"]["example"].is_object());
    assert!(spec["info"]["description"]
        .as_str()
        .unwrap()
        .contains("not a medical device"));
}

#[tokio::test]
async fn swagger_ui_is_served() {
    let app = TestApp::without_workers().await;
    let html = app
        .http
        .get(app.url("/docs"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("swagger"), "{html}");
    assert!(html.contains("openapi.json") || html.contains("spec"));
}

#[tokio::test]
async fn openapi_document_describes_the_skinn_and_skin_shade_dialects() {
    let app = TestApp::without_workers().await;
    let spec = spec(&app).await;
    for (path, method, scheme) in [
        ("/api/v1/analyze", "get", Some("SkinnBearer")),
        ("/api/v1/analyze", "post", Some("SkinnApiKey")),
        ("/api/v1/status", "get", None),
        ("/api/skinshade", "post", Some("ShadeKey")),
        ("/api/generatekey", "get", None),
        ("/api/skinshade-health", "get", None),
    ] {
        let op = &spec["paths"][path][method];
        assert!(op.is_object(), "{method} {path} missing");
        match scheme {
            Some(s) => assert!(op["security"].to_string().contains(s), "{path}: {s}"),
            None => assert!(op.get("security").is_none(), "{path} needs no key"),
        }
    }
    let post = &spec["paths"]["/api/v1/analyze"]["post"];
    for code in ["200", "400", "401", "429", "500"] {
        assert!(
            post["responses"][code].is_object(),
            "SKINN {code} undocumented"
        );
    }
    let shade = &spec["paths"]["/api/skinshade"]["post"];
    for code in ["200", "400", "403", "413", "429"] {
        assert!(
            shade["responses"][code].is_object(),
            "Skin Shade {code} undocumented"
        );
    }
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    for s in [
        "ClinicAnalysis",
        "AnalyzeBody",
        "ShadeResult",
        "BadRequestBody",
    ] {
        assert!(schemas.contains_key(s), "{s} missing");
    }
    let key = &spec["components"]["securitySchemes"]["ShadeKey"];
    assert_eq!(key["type"], "apiKey");
    assert_eq!(key["name"], "x-api-key");
}
