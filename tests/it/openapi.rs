//! The published contract: a valid OpenAPI 3 document with schemas, examples and the bearer
//! scheme, and a Swagger UI that can call the API.
use serde_json::Value;

use crate::support::*;

#[tokio::test]
async fn openapi_document_describes_every_dermiq_endpoint() {
    let app = TestApp::spawn(Options {
        workers: Some(0),
        ..Options::default()
    })
    .await;
    let spec: Value = app
        .http
        .get(app.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
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
    assert!(schemas["ErrorBody"]["example"].is_object());
    assert!(spec["info"]["description"]
        .as_str()
        .unwrap()
        .contains("not a medical device"));
}

#[tokio::test]
async fn swagger_ui_is_served() {
    let app = TestApp::spawn(Options {
        workers: Some(0),
        ..Options::default()
    })
    .await;
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
